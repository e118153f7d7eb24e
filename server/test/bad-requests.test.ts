/**
 * Bad requests get a 4xx with a machine-readable error `{ code, message, details }` and
 * write nothing: malformed JSON (400), a wrong content type (415), oversized bodies (413),
 * wrong types (422), unknown communities and endpoints (404) — for every route with a body.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { check } from '../../src/data/backend.js';
import { fixtures } from '../../src/data/contract/index.js';
import { JSON_LIMIT } from '../src/http.js';
import { call, createCommunity, memberToken, onEachDatabase, openTestDatabase, rowCounts, startServer, type RawResponse, type Running } from './support.js';

const CODES = ['validation', 'conflict', 'forbidden', 'not-found', 'rate-limited', 'unavailable'];

function machineReadable(r: RawResponse, what: string) {
  assert.ok(r.status >= 400 && r.status < 500, `${what}: expected a 4xx, got ${r.status} ${r.text}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/json/, `${what}: JSON error body`);
  assert.ok(CODES.includes(r.json?.code), `${what}: code ${r.json?.code}`);
  assert.equal(typeof r.json.message, 'string', `${what}: message`);
  assert.equal(typeof r.json.details, 'object', `${what}: details`);
}

onEachDatabase('bad requests', (kind, label) => {
  describe(label, () => {
    let running: Running;
    let community: string;
    let admin: string;
    before(async () => {
      running = await startServer(await openTestDatabase(kind), { ownsDb: true });
      community = `bad-${randomUUID().slice(0, 8)}`;
      const secret = await createCommunity(running.db, community);
      admin = memberToken(community, secret, { kind: 'admin', memberId: randomUUID(), displayName: 'Admin' });
      await call(`${running.url}/c/${community}`, 'GET', '/session', { token: admin });
    });
    after(() => running.close());

    it('every route with a body: malformed JSON, wrong content type, wrong types, oversized — 4xx and nothing written', async () => {
      const base = `${running.url}/c/${community}`;
      const routes = running.server.routes.filter((r) => r.body);
      assert.ok(routes.length > 30, `routes with bodies: ${routes.length}`);
      const before = await rowCounts(running.db);
      for (const route of routes) {
        const path = route.path.replace(/:([A-Za-z]+)/g, 'x1');
        const what = `${route.method.toUpperCase()} ${route.path}`;
        const method = route.method.toUpperCase();
        const malformed = await call(base, method, path, { token: admin, raw: '{"id": "x", ', type: 'application/json' });
        machineReadable(malformed, `${what} malformed JSON`);
        assert.equal(malformed.status, 400, `${what} malformed JSON`);
        const wrongType = await call(base, method, path, { token: admin, raw: 'id=x', type: 'application/x-www-form-urlencoded' });
        machineReadable(wrongType, `${what} form body`);
        assert.equal(wrongType.status, 415, `${what} form body`);
        const garbage = { id: 42, groupId: [], resourceId: {}, postId: true, action: 7, title: 5, hidden: 'yes', status: 1, reason: 5, displayName: 5, message: 5, username: 5, pathId: 1 };
        const types = await call(base, method, path, { token: admin, body: garbage });
        machineReadable(types, `${what} wrong types`);
        if (check(route.body!, {}).ok) {
          // Bodies without required fields (`{}` is valid) reach the handler, which finds nothing under `x1`.
          assert.ok(types.status === 422 || types.status === 404, `${what} wrong types: ${types.status}`);
        } else {
          assert.equal(types.status, 422, `${what} wrong types`);
          assert.equal(types.json.code, 'validation');
          assert.ok(types.json.details.issues.length > 0, `${what}: field issues`);
        }
        const notAnObject = await call(base, method, path, { token: admin, body: [1, 2, 3] });
        machineReadable(notAnObject, `${what} array body`);
        const huge = await call(base, method, path, { token: admin, raw: `{"x":"${'a'.repeat((route.bodyLimit ?? JSON_LIMIT) + 10)}"}`, type: 'application/json' });
        machineReadable(huge, `${what} oversized`);
        assert.equal(huge.status, 413, `${what} oversized`);
      }
      // Files: wrong bytes for the claimed type, and too large.
      const spoofed = await call(base, 'POST', `/files?id=${randomUUID()}&name=a.png`, { token: admin, raw: '<script>alert(1)</script>', type: 'image/png' });
      machineReadable(spoofed, 'files: HTML posing as PNG');
      assert.equal(spoofed.json.details.issues[0].code, 'file.type');
      const bigFile = await call(base, 'POST', `/files?id=${randomUUID()}&name=a.pdf`, { token: admin, raw: new Uint8Array(10 * 1024 * 1024 + 1), type: 'application/pdf' });
      machineReadable(bigFile, 'files: too large');
      assert.equal(bigFile.status, 413);
      assert.deepEqual(await rowCounts(running.db), before, 'no table changed');
    });

    it('bad queries and path params are validation errors', async () => {
      const base = `${running.url}/c/${community}`;
      for (const [path, field] of [
        ['/feed/posts?groupId=Kein%20Slug', 'groupId'],
        ['/feed/posts?groupId=abc&limit=0', 'limit'],
        ['/feed/posts?groupId=abc&limit=2.5', 'limit'],
        ['/lost-found/items?from=gestern', 'from'],
        ['/bookings/occupancy?resourceId=r&start=2030-03-11T10:00:00Z&end=2030-03-10T10:00:00Z', 'end'],
      ] as const) {
        const r = await call(base, 'GET', path);
        machineReadable(r, path);
        assert.equal(r.status, 422, path);
        assert.ok(r.json.details.issues.some((i: { path: string }) => i.path === field), `${path}: issue at ${field}: ${r.text}`);
      }
      const badParam = await call(base, 'GET', '/feed/groups/Kein%20Slug');
      assert.equal(badParam.status, 422);
    });

    it('unknown communities, endpoints and ids are 404 with a machine-readable body', async () => {
      const before = await rowCounts(running.db);
      const unknownCommunity = await call(running.url, 'POST', '/c/gibt-es-nicht/bookings/requests', {
        body: fixtures.bookingRequest('r', '2030-03-11T10:00:00.000Z', '2030-03-11T12:00:00.000Z'),
      });
      machineReadable(unknownCommunity, 'unknown community');
      assert.equal(unknownCommunity.status, 404);
      assert.equal(unknownCommunity.json.message, 'community.unknown');
      machineReadable(await call(running.url, 'GET', '/c/Bad%20Id/feed/groups'), 'malformed community id');
      const endpoint = await call(running.url, 'GET', `/c/${community}/nothing-here`);
      machineReadable(endpoint, 'unknown endpoint');
      assert.equal(endpoint.status, 404);
      machineReadable(await call(running.url, 'GET', `/c/${community}/feed/posts/${randomUUID()}`), 'unknown post');
      assert.deepEqual(await rowCounts(running.db), before, 'no table changed');
    });

    it('bad tokens are refused, not downgraded to anonymous', async () => {
      const base = `${running.url}/c/${community}`;
      const other = await createCommunity(running.db, `other-${randomUUID().slice(0, 8)}`);
      const expired = memberToken(community, 'wrong-secret-'.repeat(4), { kind: 'admin', memberId: 'x', displayName: 'X' });
      for (const [what, header] of [
        ['a token signed with another secret', `Bearer ${expired}`],
        ['a token of another community', `Bearer ${memberToken('other', other, { kind: 'admin', memberId: 'x', displayName: 'X' })}`],
        ['a tampered token', `Bearer ${admin.slice(0, -2)}xx`],
        ['not a bearer token', 'Basic YWRtaW46YWRtaW4='],
      ] as const) {
        const r = await call(base, 'GET', '/session', { headers: { Authorization: header } });
        machineReadable(r, what);
        assert.equal(r.status, 403, what);
        assert.equal(r.json.message, 'session.badToken', what);
      }
    });
  });
});
