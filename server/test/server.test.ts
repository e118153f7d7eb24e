/**
 * The server's own promises beyond the contract: identity (member tokens, password sign-in,
 * no cookies), files (type, nosniff, no paths from input), OpenAPI from the schemas, CORS per
 * community, migrations.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { fixtures } from '../../src/data/contract/index.js';
import { addCommunity, addStaff } from '../src/communities.js';
import { migrate } from '../src/migrate.js';
import { call, createCommunity, memberToken, openTestDatabase, startServer, type Running } from './support.js';

describe('dorfplatz-server (PGlite)', () => {
  let running: Running;
  let community: string;
  let secret: string;
  let base: string;
  before(async () => {
    running = await startServer(await openTestDatabase('pglite'), { ownsDb: true });
    community = `srv-${randomUUID().slice(0, 8)}`;
    secret = await createCommunity(running.db, community);
    base = `${running.url}/c/${community}`;
  });
  after(() => running.close());

  it('migrations are recorded and applied once', async () => {
    assert.deepEqual(await migrate(running.db), [], 'nothing left to apply');
    const versions = await running.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const files = (await readdir(new URL('../migrations/', import.meta.url))).filter((f) => /^\d{3}_.*\.sql$/.test(f)).sort();
    assert.deepEqual(versions.map((v) => v.version), files.map((f) => Number(f.slice(0, 3))));
  });

  it('migration 3 gives members recorded before it their folded name key', async () => {
    const db = await openTestDatabase('pglite');
    try {
      // A database as it was at version 2, with members in it.
      await db.exec('DROP INDEX members_by_name; ALTER TABLE members DROP COLUMN name_key; DELETE FROM schema_migrations WHERE version = 3');
      await createCommunity(db, 'alt');
      await db.query("INSERT INTO members (community, id, token_name, profile_name, roles) VALUES ('alt', 'm-1', 'Jürgen', NULL, '{member}'), ('alt', 'm-2', 'Host name', 'Zoë Straße', '{member}')");
      assert.deepEqual(await migrate(db), [3]);
      const rows = await db.query<{ id: string; name_key: string }>("SELECT id, name_key FROM members WHERE community = 'alt' ORDER BY id");
      assert.deepEqual(rows, [{ id: 'm-1', name_key: 'jurgen' }, { id: 'm-2', name_key: 'zo strasse' }]);
    } finally {
      await db.close();
    }
  });

  it('a host-signed member token identifies the member; no cookie is ever set', async () => {
    const token = memberToken(community, secret, { kind: 'moderator', memberId: 'm-1', displayName: 'Mia' });
    const r = await call(base, 'GET', '/session', { token });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { community, member: { id: 'm-1', displayName: 'Mia', roles: ['member', 'moderator'] } });
    assert.equal(r.headers.get('set-cookie'), null);
    const anon = await call(base, 'GET', '/session');
    assert.deepEqual(anon.json, { community, member: null });
    assert.equal(anon.headers.get('set-cookie'), null);
  });

  it('the Node signing snippet in README.md produces tokens the server accepts', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const block = /<!-- node-token-snippet -->\s*```js\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'the snippet is in the README');
    const file = join(tmpdir(), `dorf-snippet-${randomUUID()}.mjs`);
    await writeFile(file, block[1]!);
    try {
      const { dorfplatzToken } = await import(pathToFileURL(file).href);
      const token = dorfplatzToken({ community, secret, memberId: 'host-42', name: 'Hanna vom Host', roles: ['member'] });
      const r = await call(base, 'GET', '/session', { token });
      assert.equal(r.status, 200);
      assert.deepEqual(r.json.member, { id: 'host-42', displayName: 'Hanna vom Host', roles: ['member'] });
      const expired = dorfplatzToken({ community, secret, memberId: 'host-42', name: 'Hanna', ttlSeconds: -10 });
      assert.equal((await call(base, 'GET', '/session', { token: expired })).status, 403, 'an expired token is refused');
    } finally {
      await rm(file, { force: true });
    }
  });

  it('moderators and admins sign in with a password (scrypt) and get a bearer token', async () => {
    await addStaff(running.db, community, { username: 'vorstand', password: 'Korrekt Pferd Batterie', roles: ['member', 'moderator', 'admin'], displayName: 'Vorstand' });
    const stored = await running.db.query<{ password_hash: string }>('SELECT password_hash FROM staff WHERE community = $1', [community]);
    assert.match(stored[0]!.password_hash, /^scrypt\$/, 'only a scrypt hash is stored');
    const wrong = await call(base, 'POST', '/session/sign-in', { body: { username: 'vorstand', password: 'falsch' } });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.json.code, 'forbidden');
    const unknown = await call(base, 'POST', '/session/sign-in', { body: { username: 'niemand', password: 'falsch' } });
    assert.equal(unknown.status, 403);
    const ok = await call(base, 'POST', '/session/sign-in', { body: { username: 'vorstand', password: 'Korrekt Pferd Batterie' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('set-cookie'), null);
    assert.ok(ok.json.session.member.roles.includes('admin'));
    const me = await call(base, 'GET', '/session', { token: ok.json.token });
    assert.equal(me.json.member.displayName, 'Vorstand');
    const otherId = `srv-${randomUUID().slice(0, 8)}`;
    await createCommunity(running.db, otherId);
    const elsewhere = await call(`${running.url}/c/${otherId}`, 'GET', '/session', { token: ok.json.token });
    assert.equal(elsewhere.status, 403, 'a token is only good for its community');
  });

  it('files are served with their type, nosniff and a download name, under their id only', async () => {
    const token = memberToken(community, secret, { kind: 'member', memberId: 'm-2', displayName: 'Max' });
    const png = new Uint8Array(await fixtures.pngBlob().arrayBuffer());
    const id = randomUUID();
    const up = await call(base, 'POST', `/files?id=${id}&name=${encodeURIComponent('../../etc/passwd.png')}`, { token, raw: png, type: 'image/png' });
    assert.equal(up.status, 200, up.text);
    assert.equal(up.json.url, `/c/${community}/files/${id}`, 'the URL is built from the id, never from the name');
    const got = await fetch(`${running.url}${up.json.url}`);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('content-type'), 'image/png');
    assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    assert.match(got.headers.get('content-disposition') ?? '', /^inline; filename\*=UTF-8''/);
    assert.deepEqual(new Uint8Array(await got.arrayBuffer()), png);
    const again = await call(base, 'POST', `/files?id=${id}&name=x.png`, { token, raw: png, type: 'image/png' });
    assert.deepEqual(again.json, up.json, 'a replayed upload returns the first file');
    const pdf = new TextEncoder().encode('%PDF-1.4\n%EOF\n');
    const pdfUp = await call(base, 'POST', `/files?id=${randomUUID()}&name=plan.pdf`, { token, raw: pdf, type: 'application/pdf' });
    const pdfGot = await fetch(`${running.url}${pdfUp.json.url}`);
    assert.equal(pdfGot.headers.get('content-type'), 'application/pdf');
    assert.match(pdfGot.headers.get('content-disposition') ?? '', /^attachment/);
    const traversal = await call(base, 'GET', '/files/..%2F..%2Fetc%2Fpasswd');
    assert.ok(traversal.status === 404 || traversal.status === 422, `traversal: ${traversal.status}`);
    const jpegClaim = await call(base, 'POST', `/files?id=${randomUUID()}&name=a.jpg`, { token, raw: png, type: 'image/jpeg' });
    assert.equal(jpegClaim.status, 422, 'the bytes decide the type, not the claim');
  });

  it('/openapi.json is generated from the routes and their schemas', async () => {
    const r = await call(running.url, 'GET', '/openapi.json');
    assert.equal(r.status, 200);
    const doc = r.json;
    assert.equal(doc.openapi, '3.0.3');
    for (const route of running.server.routes) {
      const path = `/c/{community}${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
      assert.ok(doc.paths[path]?.[route.method], `documented: ${route.method} ${path}`);
    }
    const request = doc.paths['/c/{community}/bookings/requests'].post.requestBody.content['application/json'].schema;
    assert.ok(request.properties.requester.properties.email, 'the request schema comes from BookingRequest');
    assert.ok(request.required.includes('acceptRules'));
    const occupancy = doc.paths['/c/{community}/bookings/occupancy'].get.responses[200].content['application/json'].schema;
    assert.equal(occupancy.items.properties.requester, undefined, 'the public booking has no requester');
    const calendar = doc.paths['/c/{community}/bookings/resources/{resourceId}/calendar.ics'].get.responses[200];
    assert.ok(calendar.content['text/calendar'], 'the calendar feed is documented as text/calendar');
    const candidates = doc.paths['/c/{community}/feed/groups/{groupId}/candidates'].get.responses[200].content['application/json'].schema;
    assert.deepEqual(Object.keys(candidates.properties.items.items.properties).sort(), ['displayName', 'id'], 'candidates are public members');
  });

  it('CORS: only the community\'s origins, never credentials', async () => {
    const id = `cors-${randomUUID().slice(0, 8)}`;
    await addCommunity(running.db, { id, name: 'CORS', timeZone: 'Europe/Berlin', locale: 'de', origins: ['https://www.musterdorf.de'] });
    const allowed = await call(`${running.url}/c/${id}`, 'GET', '/feed/groups', { headers: { Origin: 'https://www.musterdorf.de' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://www.musterdorf.de');
    assert.equal(allowed.headers.get('access-control-allow-credentials'), null);
    const foreign = await call(`${running.url}/c/${id}`, 'GET', '/feed/groups', { headers: { Origin: 'https://evil.example' } });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(`${running.url}/c/${id}/bookings/requests`, {
      method: 'OPTIONS', headers: { Origin: 'https://www.musterdorf.de', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    const refused = await fetch(`${running.url}/c/${id}/bookings/requests`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    assert.equal(refused.status, 403);
  });

  it('anonymous writes and sign-in attempts are rate limited per client; 429 carries Retry-After', async () => {
    const limited = await startServer(running.db, { rateLimits: { anonymousWritesPerMinute: 3, signInsPerMinute: 2 } });
    try {
      const id = `rl-${randomUUID().slice(0, 8)}`;
      const key = await createCommunity(running.db, id);
      const b = `${limited.url}/c/${id}`;
      for (let i = 0; i < 3; i++) assert.equal((await call(b, 'POST', '/lost-found/items', { body: fixtures.itemInput({ date: '2020-01-01' }) })).status, 200);
      const input = fixtures.itemInput({ date: '2020-01-01' });
      const refused = await call(b, 'POST', '/lost-found/items', { body: input });
      assert.equal(refused.status, 429);
      assert.equal(refused.json.code, 'rate-limited');
      assert.ok(refused.json.details.retryAfter >= 1);
      assert.equal(refused.headers.get('retry-after'), String(refused.json.details.retryAfter));
      assert.equal((await call(b, 'GET', `/lost-found/items/${input.id}`)).status, 404, 'the refused write wrote nothing');
      assert.equal((await call(b, 'GET', '/lost-found/items')).status, 200, 'reads are not limited');
      const member = memberToken(id, key, { kind: 'member', memberId: 'rl-m', displayName: 'M' });
      assert.equal((await call(b, 'POST', '/lost-found/items', { token: member, body: fixtures.itemInput({ date: '2020-01-01' }) })).status, 200, 'members are not limited');
      for (let i = 0; i < 2; i++) assert.equal((await call(b, 'POST', '/session/sign-in', { body: { username: 'x', password: 'y' } })).status, 403);
      assert.equal((await call(b, 'POST', '/session/sign-in', { body: { username: 'x', password: 'y' } })).status, 429, 'password guessing is slowed down');
    } finally {
      await limited.close();
    }
  });
});
