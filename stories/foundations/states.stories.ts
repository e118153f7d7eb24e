import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import '../../src/core/provider.js';
import { DorfElement, define } from '../../src/core/dorf-element.js';
import { renderStatus, statusStyles, type StatusKind } from '../../src/core/ui/status.js';
import { BackendError } from '../../src/data/backend.js';

/** Renders one shared state the way every widget does. Storybook only. */
class StoryStatus extends DorfElement {
  static override styles = [...DorfElement.styles, statusStyles];
  @property() kind: StatusKind = 'loading';
  @property() code?: BackendError['code'];
  protected override render() {
    const error = this.code ? new BackendError(this.code, this.code, { retryAfter: 60 }) : undefined;
    return renderStatus(this.localize, this.kind, {
      error,
      onRetry: this.kind === 'error' ? () => this.requestUpdate() : undefined,
    });
  }
}
define('dorf-story-status', StoryStatus);

interface Args {
  lang: 'de' | 'en';
  theme: 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Foundations/States',
  args: { lang: 'de', theme: 'light' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['de', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Loading, empty, error, offline, queued and no-permission look, read and sound the same in every widget: errors are alerts, everything else a polite status.',
      },
    },
  },
  render: ({ lang, theme }) => html`
    <dorf-provider lang=${lang} theme=${theme}>
      <div style="display:grid;gap:.75rem;padding:1rem;background:${theme === 'dark' ? '#17191d' : '#fff'}">
        ${(['loading', 'empty', 'offline', 'queued', 'forbidden'] as const).map((kind) => html`<dorf-story-status kind=${kind}></dorf-story-status>`)}
        <dorf-story-status kind="error"></dorf-story-status>
        <dorf-story-status kind="error" code="unavailable"></dorf-story-status>
        <dorf-story-status kind="error" code="rate-limited"></dorf-story-status>
      </div>
    </dorf-provider>
  `,
};
export default meta;

export const German: StoryObj<Args> = {};
export const English: StoryObj<Args> = { args: { lang: 'en' } };
export const Dark: StoryObj<Args> = { args: { theme: 'dark' } };
