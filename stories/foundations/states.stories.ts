import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import '../../src/core/provider.js';
import { DorfElement, define } from '../../src/core/dorf-element.js';
import { outboxStyles, renderOutbox } from '../../src/core/ui/outbox.js';
import { renderStatus, statusStyles, type StatusKind } from '../../src/core/ui/status.js';
import type { OutboxEntry } from '../../src/data/adapters/http/outbox-api.js';
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

/**
 * The outbox as every widget shows it: one write waiting for the connection, one the server
 * refused on delivery (a booking someone else took meanwhile) with what to do. Storybook only;
 * "Erneut senden" puts the refused one back to waiting, "Verwerfen" removes an entry.
 */
class StoryOutbox extends DorfElement {
  static override styles = [...DorfElement.styles, statusStyles, outboxStyles];
  private entries: OutboxEntry[] = [
    {
      key: 'story-post', operation: 'feed.createPost', input: { title: 'Flohmarkt am Samstag' },
      queuedAt: new Date(Date.now() - 5 * 60_000).toISOString(), attempts: 2, state: 'pending', refusal: null,
    },
    {
      key: 'story-booking', operation: 'bookings.request', input: { purpose: 'Geburtstagsfeier' },
      queuedAt: new Date(Date.now() - 40 * 60_000).toISOString(), attempts: 0, state: 'failed',
      refusal: { code: 'conflict', message: 'booking.overlap', details: { issues: [{ path: 'start', code: 'booking.overlap' }], alternatives: [] } },
    },
  ];
  protected override render() {
    return renderOutbox(this.localize, this.entries, {
      storage: 'session',
      describe: (entry) => (entry.input as { title?: string; purpose?: string }).title ?? (entry.input as { purpose?: string }).purpose,
      onRetry: (entry) => {
        this.entries = this.entries.map((e) => (e === entry ? { ...e, state: 'pending', refusal: null } : e));
        this.requestUpdate();
      },
      onDiscard: (entry) => {
        this.entries = this.entries.filter((e) => e !== entry);
        this.requestUpdate();
      },
    });
  }
}
define('dorf-story-outbox', StoryOutbox);

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
          'Loading, empty, error, offline, queued and no-permission look, read and sound the same in every widget: errors are alerts, everything else a polite status. ' +
          'The outbox ("Noch nicht gesendet") lists what waits for the connection and what the server refused on delivery, with its reason, "Erneut senden" and "Verwerfen".',
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
        <dorf-story-outbox></dorf-story-outbox>
      </div>
    </dorf-provider>
  `,
};
export default meta;

export const German: StoryObj<Args> = {};
export const English: StoryObj<Args> = { args: { lang: 'en' } };
export const Dark: StoryObj<Args> = { args: { theme: 'dark' } };
