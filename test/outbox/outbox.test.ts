/**
 * The HTTP adapter's outbox with a scripted server (a fake `fetch`): what is queued and when,
 * delivery on `online`, with backoff and on the next page load, refusals kept with the server's
 * answer, retry and discard, one delivering instance at a time, whose writes go out, where the
 * entries live (`session` vs `persistent`), and storage failures while queueing.
 */
import { expect } from '@open-wc/testing';
import { createHttpBackend, outboxOf, type HttpBackend, type OutboxEvent, type OutboxStorage } from '../../src/data/adapters/http/index.js';
import { BackendError } from '../../src/data/backend.js';
import { bookingRequest } from '../../src/data/contract/fixtures.js';
import type { ReportInput } from '../../src/data/schema/index.js';
import { until } from '../lib/backends.js';

/** `until` for an async condition. */
async function eventually(predicate: () => Promise<boolean>, message: string, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!(await predicate())) {
    if (performance.now() - start > timeout) throw new Error(`${message} not met in time`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
import { deleteDatabase } from '../local/world.js';

interface Sent {
  method: string;
  path: string;
  body: unknown;
  auth: string | null;
}

/** A scripted server: `answer` decides each request; every request that "arrived" is in `sent`. */
function scripted(answer: (request: Sent) => Response | 'network' | Promise<Response | 'network'>) {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const request: Sent = {
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^\/c\/[^/]+/, ''),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      auth: headers.Authorization ?? null,
    };
    const result = await answer(request);
    if (result === 'network') throw new TypeError('Failed to fetch');
    sent.push(request);
    return result;
  }) as typeof globalThis.fetch;
  return { fetch, sent, posts: (path: string) => sent.filter((s) => s.method === 'POST' && s.path === path) };
}

const noContent = () => new Response(null, { status: 204 });
const error = (status: number, code: string, details: object = {}) =>
  new Response(JSON.stringify({ code, message: code, details }), { status, headers: { 'Content-Type': 'application/json' } });

const report = (over: Partial<ReportInput> = {}): ReportInput => ({
  id: `rep-${crypto.randomUUID()}`, target: { type: 'post', id: 'p1' }, reason: 'spam', note: 'Werbung', ...over,
});

/** A signed-looking member token (the adapter only reads who it speaks for). */
const tokenFor = (sub: string) => `${btoa(JSON.stringify({ c: 'testdorf', sub, name: sub, roles: ['member'], exp: 9e9 })).replace(/=+$/, '')}.sig`;

/** Pretends the browser is offline (`navigator.onLine`) until the returned function is called. */
function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => {
    delete (navigator as unknown as Record<string, unknown>).onLine;
  };
}

describe('HTTP adapter: outbox', () => {
  const opened: HttpBackend[] = [];
  const names: string[] = [];
  let restoreOnline: (() => void) | null = null;

  function backend(fetch: typeof globalThis.fetch, options: { storage?: OutboxStorage; name?: string; token?: string | null } = {}): HttpBackend {
    const name = options.name ?? `t-${crypto.randomUUID().slice(0, 8)}`;
    names.push(name);
    const b = createHttpBackend({
      baseUrl: 'https://dorf.example', community: 'testdorf', fetch, retries: 0, backoffMs: 1, timeoutMs: 500,
      token: options.token === undefined ? tokenFor('anna') : options.token,
      storage: options.storage ?? 'session',
      outbox: { name, retryMs: { min: 20, max: 80 } },
    });
    opened.push(b);
    return b;
  }

  afterEach(async () => {
    restoreOnline?.();
    restoreOnline = null;
    for (const b of opened.splice(0)) b.close();
    for (const name of names.splice(0)) {
      sessionStorage.removeItem(`dorfplatz-outbox:${name}`);
      await deleteDatabase(`dorfplatz-outbox-${name}`).catch(() => undefined);
    }
  });

  it('offline: keeps the write without trying, rejects with queued, and sends it once when the browser is back online', async () => {
    const server = scripted(() => noContent());
    const b = backend(server.fetch);
    const events: OutboxEvent[] = [];
    b.outbox.subscribe((e) => events.push(e));
    restoreOnline = goOffline();
    const input = report();
    const error = await b.feed.report(input).then(() => null, (e: unknown) => e);
    expect(BackendError.is(error, 'queued'), String(error)).to.equal(true);
    expect((error as BackendError).details.queuedId).to.equal(input.id);
    expect(server.sent, 'nothing sent while offline').to.deep.equal([]);
    const [entry] = await b.outbox.list();
    expect(entry).to.include({ key: input.id, operation: 'feed.report', state: 'pending', refusal: null });
    expect(entry!.input).to.deep.equal(input);

    restoreOnline();
    restoreOnline = null;
    window.dispatchEvent(new Event('online'));
    await until(() => events.some((e) => e.type === 'delivered'), 'delivered');
    expect(server.posts('/feed/reports').map((s) => s.body)).to.deep.equal([input]);
    expect(await b.outbox.list()).to.deep.equal([]);
    expect(events.map((e) => e.type)).to.deep.equal(['queued', 'delivered']);
  });

  it('checks the input before it queues: a bad write offline is a field error, not a queued one', async () => {
    const b = backend(scripted(() => noContent()).fetch);
    restoreOnline = goOffline();
    const error = await b.feed.report(report({ note: 'x'.repeat(1001) })).then(() => null, (e: unknown) => e);
    expect(BackendError.is(error, 'validation'), String(error)).to.equal(true);
    expect((error as BackendError).issues[0]!.path).to.equal('note');
    expect(await b.outbox.list()).to.deep.equal([]);
  });

  it('an outage (network error, timeout, 5xx) queues the write; retries with backoff deliver it exactly once', async () => {
    let failures = 0;
    let accepted = 0;
    const answers: (() => Response | 'network' | Promise<Response | 'network'>)[] = [
      () => 'network', // the direct attempt
      () => error(503, 'unavailable'), // first retry
      () => new Promise<Response | 'network'>(() => undefined), // no answer: the timeout
      () => error(500, 'unavailable'),
    ];
    const server = scripted(() => {
      const next = answers.shift();
      if (next) {
        failures++;
        return next();
      }
      accepted++;
      return noContent();
    });
    const b = backend(server.fetch);
    const input = report();
    const error1 = await b.feed.report(input).then(() => null, (e: unknown) => e);
    expect(BackendError.is(error1, 'queued'), String(error1)).to.equal(true);
    await eventually(async () => (await b.outbox.list()).length === 0, 'delivered after the outage', 8000);
    expect(failures).to.equal(4);
    expect(accepted, 'accepted once, then left alone').to.equal(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(accepted).to.equal(1);
    expect((await b.outbox.list()).length).to.equal(0);
  });

  it('a write the server refuses on delivery stays with its answer, until it is sent again or discarded', async () => {
    let tries = 0;
    const server = scripted((request) => {
      if (request.path !== '/bookings/requests') return noContent();
      // First the overlap, then (sent again) still refused.
      return tries++ === 0 ? error(409, 'conflict', { issues: [{ path: 'start', code: 'booking.overlap' }], alternatives: [] }) : error(409, 'conflict');
    });
    const b = backend(server.fetch);
    const events: OutboxEvent[] = [];
    b.outbox.subscribe((e) => events.push(e));
    restoreOnline = goOffline();
    const booking = bookingRequest('grillhuette', '2030-06-01T10:00:00.000Z', '2030-06-01T14:00:00.000Z');
    const other = report();
    await b.bookings.request(booking).catch(() => undefined);
    await b.feed.report(other).catch(() => undefined);
    restoreOnline();
    restoreOnline = null;
    await b.outbox.flush();

    const entries = await b.outbox.list();
    expect(entries.map((e) => [e.key, e.state])).to.deep.equal([[booking.id, 'failed']]);
    expect(entries[0]!.refusal).to.deep.include({ code: 'conflict' });
    expect(entries[0]!.refusal!.details.issues).to.deep.equal([{ path: 'start', code: 'booking.overlap' }]);
    expect(events.filter((e) => e.type === 'failed').map((e) => e.entry.key)).to.deep.equal([booking.id]);
    // The refusal did not hold up the next write.
    expect(server.posts('/feed/reports').length).to.equal(1);

    // Not sent again by itself.
    await b.outbox.flush();
    expect(server.posts('/bookings/requests').length).to.equal(1);

    // Sent again on request: refused again, still there.
    await b.outbox.retry(booking.id);
    expect(server.posts('/bookings/requests').length).to.equal(2);
    expect((await b.outbox.list())[0]).to.include({ state: 'failed' });

    await b.outbox.discard(booking.id);
    expect(await b.outbox.list()).to.deep.equal([]);
    expect(events.at(-1)).to.deep.include({ type: 'discarded' });
  });

  it('persistent: what one page queued, the next page load sends, with no call needed', async () => {
    const name = `t-${crypto.randomUUID().slice(0, 8)}`;
    restoreOnline = goOffline();
    const first = backend(scripted(() => 'network').fetch, { storage: 'persistent', name });
    const input = report();
    await first.feed.report(input).catch(() => undefined);
    first.close();
    restoreOnline();
    restoreOnline = null;

    const server = scripted(() => noContent());
    const second = backend(server.fetch, { storage: 'persistent', name });
    await until(() => server.posts('/feed/reports').length === 1, 'sent on the next page load');
    await eventually(async () => (await second.outbox.list()).length === 0, 'removed after delivery');
    expect(server.posts('/feed/reports')[0]!.body).to.deep.equal(input);
  });

  it('session keeps the outbox in this tab (sessionStorage), persistent in IndexedDB; neither exists before a write is queued', async () => {
    const idbNames = async () => (await indexedDB.databases()).map((d) => d.name);
    const session = backend(scripted(() => 'network').fetch, { storage: 'session' });
    const persistent = backend(scripted(() => 'network').fetch, { storage: 'persistent' });
    const [sessionName, persistentName] = names.slice(-2);
    await session.session.current().catch(() => undefined);
    expect(session.outbox.storage).to.equal('session');
    expect(persistent.outbox.storage).to.equal('persistent');
    expect(sessionStorage.getItem(`dorfplatz-outbox:${sessionName}`)).to.equal(null);
    expect(await idbNames()).not.to.include(`dorfplatz-outbox-${persistentName}`);

    await session.feed.report(report()).catch(() => undefined);
    await persistent.feed.report(report()).catch(() => undefined);
    expect(JSON.parse(sessionStorage.getItem(`dorfplatz-outbox:${sessionName}`)!)).to.have.length(1);
    expect(await idbNames()).to.include(`dorfplatz-outbox-${persistentName}`);
    expect(await idbNames()).not.to.include(`dorfplatz-outbox-${sessionName}`);
    expect(sessionStorage.getItem(`dorfplatz-outbox:${persistentName}`)).to.equal(null);
  });

  it('two instances on one storage (two tabs): each entry is sent once, by whichever holds the lock', async () => {
    const name = `t-${crypto.randomUUID().slice(0, 8)}`;
    restoreOnline = goOffline();
    const writer = backend(scripted(() => 'network').fetch, { storage: 'persistent', name });
    const inputs = [report(), report(), report()];
    for (const input of inputs) await writer.feed.report(input).catch(() => undefined);
    writer.close();
    restoreOnline();
    restoreOnline = null;

    // Slow answers, so both tabs try while the first delivery is on the wire.
    const server = scripted(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return noContent();
    });
    const tabA = backend(server.fetch, { storage: 'persistent', name });
    const tabB = backend(server.fetch, { storage: 'persistent', name });
    await Promise.all([tabA.outbox.flush(), tabB.outbox.flush(), tabA.outbox.flush(), tabB.outbox.flush()]);
    await eventually(async () => (await tabA.outbox.list()).length === 0, 'all delivered', 5000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const ids = server.posts('/feed/reports').map((s) => (s.body as ReportInput).id);
    expect(ids.sort()).to.deep.equal(inputs.map((i) => i.id).sort());
  });

  it('sends a write only as whoever queued it; another visitor on the same device neither sees nor sends it', async () => {
    const name = `t-${crypto.randomUUID().slice(0, 8)}`;
    restoreOnline = goOffline();
    const anna = backend(scripted(() => 'network').fetch, { storage: 'persistent', name, token: tokenFor('anna') });
    await anna.feed.report(report()).catch(() => undefined);
    anna.close();
    restoreOnline();
    restoreOnline = null;

    const server = scripted(() => noContent());
    const bert = backend(server.fetch, { storage: 'persistent', name, token: tokenFor('bert') });
    await bert.outbox.flush();
    expect(await bert.outbox.list()).to.deep.equal([]);
    expect(server.sent).to.deep.equal([]);

    const again = backend(server.fetch, { storage: 'persistent', name, token: tokenFor('anna') });
    await until(() => server.sent.length === 1, 'sent as Anna');
    expect(server.sent[0]!.auth).to.equal(`Bearer ${tokenFor('anna')}`);
    expect(await again.outbox.list()).to.deep.equal([]);
  });

  it('a full disk while queueing: the call says so (storage.full) instead of pretending it was kept', async () => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'entries') throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const b = backend(scripted(() => 'network').fetch, { storage: 'persistent' });
      const error = await b.feed.report(report()).then(() => null, (e: unknown) => e);
      expect(BackendError.is(error, 'unavailable'), String(error)).to.equal(true);
      expect((error as BackendError).issues[0]!.code).to.equal('storage.full');
      expect(await b.outbox.list()).to.deep.equal([]);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });

  it('persistent where IndexedDB is refused (private window): the write is kept for this tab instead', async () => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function refuse(): IDBOpenDBRequest {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    try {
      const b = backend(scripted(() => 'network').fetch, { storage: 'persistent' });
      const input = report();
      const error = await b.feed.report(input).then(() => null, (e: unknown) => e);
      expect(BackendError.is(error, 'queued'), String(error)).to.equal(true);
      expect((await b.outbox.list()).map((e) => e.key)).to.deep.equal([input.id]);
      expect(sessionStorage.getItem(`dorfplatz-outbox:${names.at(-1)}`)).to.contain(input.id);
    } finally {
      IDBFactory.prototype.open = open;
    }
  });

  it('a direct write that goes through also settles a copy waiting in the outbox', async () => {
    let down = true;
    const server = scripted(() => (down ? 'network' : noContent()));
    const b = backend(server.fetch);
    const input = report();
    await b.feed.report(input).catch(() => undefined);
    expect((await b.outbox.list()).length).to.equal(1);
    down = false;
    await b.feed.report(input); // the visitor pressed "send" again
    await eventually(async () => (await b.outbox.list()).length === 0, 'settled');
  });

  it('reads and writes without an idempotency key are never queued', async () => {
    const b = backend(scripted(() => 'network').fetch);
    expect(BackendError.is(await b.feed.listGroups().catch((e: unknown) => e), 'unavailable')).to.equal(true);
    expect(BackendError.is(await b.feed.deletePost('p1').catch((e: unknown) => e), 'unavailable')).to.equal(true);
    expect(await b.outbox.list()).to.deep.equal([]);
  });

  it('outboxOf finds the outbox of an HTTP backend and nothing on others', () => {
    const b = backend(scripted(() => noContent()).fetch);
    expect(outboxOf(b)).to.equal(b.outbox);
    expect(outboxOf(null)).to.equal(null);
    expect(outboxOf({ community: 'x' } as never)).to.equal(null);
  });
});
