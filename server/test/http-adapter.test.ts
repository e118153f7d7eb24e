/**
 * The HTTP adapter's transport: retries with backoff for safe and idempotent calls only,
 * timeouts, `BackendError` rebuilt from error bodies, responses validated with the schemas,
 * and an event stream that reconnects and catches up after a dropped connection.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createHttpBackend } from '../../src/data/adapters/http/index.js';
import { BackendError } from '../../src/data/backend.js';
import { fixtures } from '../../src/data/contract/index.js';
import type { Change } from '../../src/data/schema/index.js';
import { createCommunity, memberToken, openTestDatabase, startServer, type Running } from './support.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const resource = fixtures.resource();

function fakeFetch(answers: (() => Promise<Response> | Response)[]) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const backend = (fetch: typeof globalThis.fetch, extra = {}) =>
  createHttpBackend({ baseUrl: 'https://dorf.example/', community: 'musterdorf', fetch, backoffMs: 1, ...extra });

describe('HTTP adapter transport', () => {
  it('retries reads after network errors and 503s, with the token and the community in the request', async () => {
    const { fetch, calls } = fakeFetch([
      () => Promise.reject(new TypeError('fetch failed')),
      () => json(503, { code: 'unavailable', message: 'restarting', details: {} }),
      () => json(200, resource),
    ]);
    const b = createHttpBackend({ baseUrl: 'https://dorf.example/', community: 'musterdorf', fetch, backoffMs: 1, token: 'abc.def' });
    assert.deepEqual(await b.bookings.getResource(resource.id), resource);
    assert.equal(calls.length, 3);
    assert.equal(calls[0]!.url, `https://dorf.example/c/musterdorf/bookings/resources/${resource.id}`);
    assert.equal((calls[0]!.init!.headers as Record<string, string>).Authorization, 'Bearer abc.def');
  });

  it('retries writes that carry an idempotency key, but not a delete', async () => {
    const post = fakeFetch([() => Promise.reject(new TypeError('reset')), () => json(200, { booking: {}, manageToken: 'x' })]);
    await assert.rejects(backend(post.fetch).bookings.request(fixtures.bookingRequest(resource.id, '2030-03-11T10:00:00Z', '2030-03-11T12:00:00Z')), (e) => BackendError.is(e, 'unavailable'));
    assert.equal(post.calls.length, 2, 'the same request (same id) was sent again');
    assert.equal(post.calls[0]!.init!.body, post.calls[1]!.init!.body);
    const del = fakeFetch([() => Promise.reject(new TypeError('reset')), () => new Response(null, { status: 204 })]);
    await assert.rejects(backend(del.fetch).feed.deletePost('p1'), (e) => BackendError.is(e, 'unavailable'));
    assert.equal(del.calls.length, 1);
  });

  it('rebuilds BackendError from the body and does not retry it', async () => {
    const alternatives = [{ start: '2030-03-11T13:00:00.000Z', end: '2030-03-11T15:00:00.000Z' }];
    const { fetch, calls } = fakeFetch([() => json(409, { code: 'conflict', message: 'booking.overlap', details: { alternatives } })]);
    const error = await backend(fetch).bookings.request(fixtures.bookingRequest(resource.id, '2030-03-11T10:00:00Z', '2030-03-11T12:00:00Z')).catch((e: unknown) => e);
    assert.ok(error instanceof BackendError);
    assert.equal(error.code, 'conflict');
    assert.deepEqual(error.details.alternatives, alternatives);
    assert.equal(calls.length, 1);
    const proxy = fakeFetch([() => new Response('<html>Bad Gateway</html>', { status: 400 })]);
    await assert.rejects(backend(proxy.fetch, { retries: 0 }).bookings.listResources(), (e) => BackendError.is(e, 'unavailable'));
  });

  it('rejects responses that do not match the schema', async () => {
    const { fetch } = fakeFetch([() => json(200, { ...resource, rules: { unit: 'week' } })]);
    const error = await backend(fetch).bookings.getResource(resource.id).catch((e: unknown) => e);
    assert.ok(BackendError.is(error, 'unavailable'), String(error));
    assert.ok(error.issues.length > 0);
  });

  it('gives up after the timeout', async () => {
    const hang = () => new Promise<Response>(() => undefined);
    const { fetch } = fakeFetch([hang]);
    const slow = ((url: string, init?: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        void fetch(url, init).then(resolve);
      })) as typeof globalThis.fetch;
    const started = Date.now();
    await assert.rejects(backend(slow, { timeoutMs: 50, retries: 0 }).bookings.listResources(), (e) => BackendError.is(e, 'unavailable') && /50 ms/.test(e.message));
    assert.ok(Date.now() - started < 2000);
  });
});

describe('HTTP adapter live changes (PGlite)', () => {
  let running: Running;
  let community: string;
  let secret: string;
  before(async () => {
    running = await startServer(await openTestDatabase('pglite'), { ownsDb: true });
    community = `live-${randomUUID().slice(0, 8)}`;
    secret = await createCommunity(running.db, community);
    running.setNow(fixtures.KIT_NOW);
  });
  after(() => running.close());

  it('the event stream reconnects after a dropped connection and delivers what happened meanwhile, once', async () => {
    const admin = createHttpBackend({ baseUrl: running.url, community, token: memberToken(community, secret, { kind: 'admin', memberId: 'a', displayName: 'A' }) });
    const saved = await admin.bookings.saveResource(fixtures.resource());
    let streams = 0;
    const counting = ((url: string, init?: RequestInit) => {
      if (String(url).includes('/events?')) streams++;
      return fetch(url, init);
    }) as typeof globalThis.fetch;
    const watcher = createHttpBackend({ baseUrl: running.url, community, fetch: counting });
    const events: Change[] = [];
    watcher.subscribe(`bookings/${saved.id}`, (c) => events.push(c));
    const requester = createHttpBackend({ baseUrl: running.url, community });
    const first = await requester.bookings.request(fixtures.bookingRequest(saved.id, '2030-03-11T10:00:00.000Z', '2030-03-11T12:00:00.000Z'));
    const until = async (id: string) => {
      const end = Date.now() + 8000;
      while (!events.some((e) => e.id === id) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      return events.some((e) => e.id === id);
    };
    assert.ok(await until(first.booking.id), 'first change');
    running.dropConnections();
    const second = await requester.bookings.request(fixtures.bookingRequest(saved.id, '2030-03-12T10:00:00.000Z', '2030-03-12T12:00:00.000Z'));
    assert.ok(await until(second.booking.id), 'the change made while the stream was down arrives after the reconnect');
    assert.equal(events.filter((e) => e.id === first.booking.id).length, 1, 'no duplicate after the replay');
    assert.ok(streams >= 2, `the stream was opened again (${streams})`);
    for (const b of [admin, watcher, requester]) b.close();
  });
});
