import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { Task } from '@lit/task';
import { css, html } from 'lit';
import '../src/core/provider.js';
import { DorfElement, define } from '../src/core/dorf-element.js';
import { renderStatus, statusStyles } from '../src/core/ui/status.js';
import { municipalitySample, clubSample } from '../src/data/sample/index.js';
import type { Dataset } from '../src/data/schema/dataset.js';

const samples: Record<string, () => Dataset> = { musterdorf: municipalitySample, 'riverside-sc': clubSample };

/** Shows what a widget receives from its provider. Storybook only. */
class StoryEnvironment extends DorfElement {
  static override styles = [
    ...DorfElement.styles,
    statusStyles,
    css`
      :host { display: grid; gap: var(--_space); }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; padding: var(--_space); background: var(--_color-bg); border: 1px solid var(--_color-border); border-radius: var(--_radius); }
      dt { font-weight: 600; }
      dd { margin: 0; }
    `,
  ];

  private data = new Task(this, {
    args: () => [this.backend] as const,
    task: async ([backend]) => {
      if (!backend) throw this.environment?.error ?? new Error('no backend');
      const sample = samples[backend.community];
      if (sample) await backend.seed(sample());
      const [groups, resources, items] = await Promise.all([
        backend.feed.listGroups(),
        backend.bookings.listResources(),
        backend.lostFound.list({ limit: 20 }),
      ]);
      return { groups, resources, items: items.items };
    },
  });

  protected override render() {
    const env = this.environment;
    const f = this.localize.format;
    return html`
      <dl part="base">
        <dt>community</dt><dd>${env?.community}</dd>
        <dt>lang</dt><dd>${this.localize.lang}</dd>
        <dt>time-zone</dt><dd>${env?.timeZone} (${f.dateTime(new Date())})</dd>
        <dt>theme</dt><dd>${this.theme ?? env?.theme}</dd>
        <dt>session</dt><dd>${env?.session ? env.session.member?.displayName ?? 'anonymous' : '…'}</dd>
      </dl>
      ${this.data.render({
        pending: () => renderStatus(this.localize, 'loading'),
        error: (error) => renderStatus(this.localize, 'error', { error, onRetry: () => this.data.run() }),
        complete: ({ groups, resources, items }) => html`
          <dl part="data">
            <dt>groups</dt><dd>${f.list(groups.map((g) => g.name))}</dd>
            <dt>resources</dt><dd>${f.list(resources.map((r) => r.name))}</dd>
            <dt>lost & found</dt><dd>${f.list(items.map((i) => i.title))}</dd>
          </dl>
        `,
      })}
    `;
  }
}
define('dorf-story-environment', StoryEnvironment);

interface Args {
  backend: string;
  community: string;
  lang: string;
  timeZone: string;
  theme: 'auto' | 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Elements/dorf-provider',
  component: 'dorf-provider',
  args: { backend: 'local', community: 'musterdorf', lang: 'de', timeZone: 'Europe/Berlin', theme: 'auto' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    lang: { control: 'inline-radio', options: ['de', 'en'] },
  },
  render: (args) => html`
    <dorf-provider backend=${args.backend} community=${args.community} lang=${args.lang} time-zone=${args.timeZone} theme=${args.theme}>
      <dorf-story-environment></dorf-story-environment>
    </dorf-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The embedded default: data in this browser, sample data for Musterdorf. */
export const LocalMunicipality: Story = {};
export const EnglishClub: Story = { args: { community: 'riverside-sc', lang: 'en', timeZone: 'Europe/London' } };
export const Dark: Story = { args: { theme: 'dark' } };
/** A backend value nothing can serve: widgets show that their data is unreachable. */
export const UnknownBackend: Story = { args: { backend: 'gopher://nowhere' } };
