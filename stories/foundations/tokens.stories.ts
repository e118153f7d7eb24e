import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { TOKENS } from '../../src/core/tokens.js';

type Token = { value: string | readonly [string, string]; description: string };

const swatch = (name: string, value: string) =>
  name.startsWith('color-')
    ? html`<span style="display:inline-block;inline-size:2.5rem;block-size:1.5rem;border:1px solid #888;border-radius:4px;background:${value}"></span>`
    : html`<code>${value}</code>`;

const table = () => html`
  <table style="border-collapse:collapse;font:14px/1.4 system-ui,sans-serif">
    <caption style="text-align:start;padding-block-end:.5rem">
      Set any of these on <code>:root</code>, a <code>&lt;dorf-provider&gt;</code> or one widget.
      Unset tokens use the defaults below, per theme.
    </caption>
    <thead>
      <tr><th scope="col" style="text-align:start;padding:.25rem .75rem">Token</th><th scope="col">Light</th><th scope="col">Dark</th><th scope="col" style="text-align:start;padding:.25rem .75rem">Use</th></tr>
    </thead>
    <tbody>
      ${Object.entries(TOKENS as Record<string, Token>).map(([name, token]) => {
        const [light, dark] = typeof token.value === 'string' ? [token.value, token.value] : token.value;
        return html`<tr style="border-block-start:1px solid #ccc">
          <th scope="row" style="text-align:start;padding:.25rem .75rem"><code>--dorf-${name}</code></th>
          <td style="padding:.25rem .75rem;color-scheme:light">${swatch(name, light)}</td>
          <td style="padding:.25rem .75rem;background:#17191d;color:#e8eaed">${swatch(name, dark)}</td>
          <td style="padding:.25rem .75rem">${token.description}</td>
        </tr>`;
      })}
    </tbody>
  </table>
`;

const meta: Meta = {
  title: 'Foundations/Design tokens',
  parameters: {
    docs: {
      description: {
        component:
          'Public `--dorf-*` custom properties, read once on each widget host into private `--_*` properties with light and dark defaults. Tokens are the stable way to theme; `::part()` reaches further but depends on structure.',
      },
    },
  },
};
export default meta;

export const AllTokens: StoryObj = { render: table };
