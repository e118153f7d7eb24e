/**
 * `<dorf-provider storage="session|persistent">`: where a server backend keeps what the visitor's
 * browser must hold, the `dorf-outbox` event, and the shared outbox view widgets render.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { DorfElement, define } from '../../src/core/dorf-element.js';
import { DorfProvider } from '../../src/core/provider.js';
import { outboxStyles, renderOutbox, statusStyles } from '../../src/core/ui/status.js';
import { outboxOf, type OutboxEntry, type OutboxEvent } from '../../src/data/adapters/http/outbox-api.js';
import { BackendError } from '../../src/data/backend.js';
import '../../src/i18n/booking.js';
import { deleteDatabase } from '../local/world.js';

/** Nothing listens there: every call meets an outage at once. */
const DEAD = 'http://127.0.0.1:9';

function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => {
    delete (navigator as unknown as Record<string, unknown>).onLine;
  };
}

const report = () => ({ id: `rep-${crypto.randomUUID()}`, target: { type: 'post' as const, id: 'p1' }, reason: 'spam' as const, note: '' });

describe('<dorf-provider storage>', () => {
  let restore: (() => void) | null = null;
  afterEach(async () => {
    restore?.();
    restore = null;
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('dorfplatz-outbox:')) sessionStorage.removeItem(key);
    for (const db of await indexedDB.databases()) if (db.name?.startsWith('dorfplatz-outbox-')) await deleteDatabase(db.name).catch(() => undefined);
  });

  it('a server backend keeps queued writes for this tab by default (session), and in IndexedDB with storage="persistent"', async () => {
    const provider = await fixture<DorfProvider>(html`<dorf-provider backend=${DEAD} community="speicher"></dorf-provider>`);
    const session = provider.activeBackend!;
    expect(outboxOf(session)?.storage).to.equal('session');
    restore = goOffline();
    const error = await session.feed.report(report()).then(() => null, (e: unknown) => e);
    expect(BackendError.is(error, 'queued'), String(error)).to.equal(true);
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('dorfplatz-outbox:speicher-'))).to.have.length(1);
    // Only this test's community: other test files in the same browser profile keep their own outboxes.
    expect((await indexedDB.databases()).filter((d) => d.name?.startsWith('dorfplatz-outbox-speicher-'))).to.deep.equal([]);

    provider.storage = 'persistent';
    await provider.updateComplete;
    const persistent = provider.activeBackend!;
    expect(persistent, 'a new backend for the new setting').not.to.equal(session);
    expect(outboxOf(persistent)?.storage).to.equal('persistent');
    await persistent.feed.report(report()).catch(() => undefined);
    expect((await indexedDB.databases()).map((d) => d.name)).to.include.members([
      `dorfplatz-outbox-${Object.keys(sessionStorage).find((k) => k.startsWith('dorfplatz-outbox:speicher-'))!.slice('dorfplatz-outbox:'.length)}`,
    ]);
    provider.remove();
  });

  it('the local backend has no outbox: its data lives in IndexedDB anyway', async () => {
    const provider = await fixture<DorfProvider>(html`<dorf-provider community="speicher-lokal" storage="session"></dorf-provider>`);
    expect(outboxOf(provider.activeBackend)).to.equal(null);
    provider.remove();
  });

  it('fires dorf-outbox events from the provider (queued, discarded)', async () => {
    const provider = await fixture<DorfProvider>(html`<dorf-provider backend=${DEAD} community="speicher-events"></dorf-provider>`);
    const events: OutboxEvent[] = [];
    const listen = (e: Event) => void events.push((e as CustomEvent<OutboxEvent>).detail);
    document.addEventListener('dorf-outbox', listen);
    try {
      restore = goOffline();
      const backend = provider.activeBackend!;
      await backend.feed.report(report()).catch(() => undefined);
      expect(events.map((e) => e.type)).to.deep.equal(['queued']);
      const [entry] = await outboxOf(backend)!.list();
      await outboxOf(backend)!.discard(entry!.key);
      expect(events.map((e) => e.type)).to.deep.equal(['queued', 'discarded']);
      provider.remove();
    } finally {
      document.removeEventListener('dorf-outbox', listen);
    }
  });
});

class OutboxProbe extends DorfElement {
  static override styles = [...DorfElement.styles, statusStyles, outboxStyles];
  entries: OutboxEntry[] = [];
  retried: string[] = [];
  discarded: string[] = [];
  protected override render() {
    return renderOutbox(this.localize, this.entries, {
      storage: 'session',
      onRetry: (e) => this.retried.push(e.key),
      onDiscard: (e) => this.discarded.push(e.key),
    });
  }
}
define('dorf-test-outbox', OutboxProbe);

describe('renderOutbox: what waits and what the server refused, with what to do', () => {
  const pending: OutboxEntry = {
    key: 'post-1', operation: 'feed.createPost', input: {}, queuedAt: '2030-03-04T09:00:00.000Z', attempts: 2, state: 'pending', refusal: null,
  };
  const refused: OutboxEntry = {
    key: 'booking-1', operation: 'bookings.request', input: {}, queuedAt: '2030-03-04T09:05:00.000Z', attempts: 0, state: 'failed',
    refusal: { code: 'conflict', message: 'booking.overlap', details: { issues: [{ path: 'start', code: 'booking.overlap' }], alternatives: [] } },
  };
  const invalid: OutboxEntry = {
    key: 'comment-1', operation: 'feed.addComment', input: {}, queuedAt: '2030-03-04T09:06:00.000Z', attempts: 0, state: 'failed',
    refusal: { code: 'validation', message: 'body: tooLong', details: { issues: [{ path: 'body', code: 'tooLong', params: { max: 2000 } }] } },
  };

  for (const lang of ['de', 'en'] as const) {
    it(`lists them in words (${lang}), accessibly, with send-again and discard per refused write`, async () => {
      const el = await fixture<OutboxProbe>(html`<dorf-test-outbox lang=${lang}></dorf-test-outbox>`);
      el.entries = [pending, refused, invalid];
      el.requestUpdate();
      await el.updateComplete;
      const root = el.shadowRoot!;
      const text = root.querySelector('[part~="outbox"]')!.textContent!.replace(/\s+/g, ' ');
      if (lang === 'de') {
        expect(text).to.contain('Noch nicht gesendet');
        expect(text).to.contain('Ein Eintrag wartet auf die Verbindung');
        expect(text).to.contain('Buchungsanfrage');
        expect(text).to.contain('Der Server hat das nicht angenommen');
        expect(text).to.contain('Bitte kürzen Sie auf höchstens 2.000 Zeichen');
      } else {
        expect(text).to.contain('Not sent yet');
        expect(text).to.contain('One entry waits for the connection');
        expect(text).to.contain('Booking request');
        expect(text).to.contain('Please shorten this to 2,000 characters at most');
      }
      // The booking's own reason (overlap), not a generic sentence.
      const reasons = [...root.querySelectorAll('[part~="outbox-reason"]')].map((r) => r.textContent!);
      expect(reasons[0]).not.to.equal(reasons[1]);
      await expect(el).to.be.accessible();
      const retry = root.querySelectorAll<HTMLButtonElement>('[part~="outbox-retry"]');
      const discard = root.querySelectorAll<HTMLButtonElement>('[part~="outbox-discard"]');
      expect(retry.length).to.equal(2);
      retry[0]!.click();
      discard[1]!.click();
      expect(el.retried).to.deep.equal(['booking-1']);
      expect(el.discarded).to.deep.equal(['comment-1']);
    });
  }

  it('renders nothing when nothing waits', async () => {
    const el = await fixture<OutboxProbe>(html`<dorf-test-outbox lang="de"></dorf-test-outbox>`);
    expect(el.shadowRoot!.querySelector('[part~="outbox"]')).to.equal(null);
  });
});
