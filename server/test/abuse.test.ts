/**
 * Abuse protection over real HTTP (issue #8): rate limits per route and client with 429 and
 * Retry-After, client keys (truncated networks, daily salt, trusted proxies), the Origin check
 * on writes (403), JSON-only writes (415), body limits (413), password brute-force protection
 * per account and per client, TOTP (RFC 6238) with its CLI, the honeypot field and the
 * proof-of-work gate with the client's solver.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { fixtures } from '../../src/data/contract/index.js';
import { createHttpBackend } from '../../src/data/adapters/http/index.js';
import { needsProof, proofHeader, proveWork, ProofChallenge, solveChallenge } from '../../src/data/adapters/http/proof-of-work.js';
import { addCommunity, addStaff } from '../src/communities.js';
import { loadConfig } from '../src/config.js';
import { openPglite } from '../src/db.js';
import { migrate } from '../src/migrate.js';
import { ProofOfWork } from '../src/proof-of-work.js';
import { ClientKeys, clientAddress, networkOf } from '../src/rate-limit.js';
import { base32Encode, totpCode, totpStep, verifyTotp } from '../src/totp.js';
import { call, memberToken, onEachDatabase, openTestDatabase, rowCounts, startServer, type Running } from './support.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/dorfplatz-server.mjs', import.meta.url));
const item = () => fixtures.itemInput({ date: '2020-01-01' });

describe('client keys', () => {
  it('truncate addresses to their network: IPv4 /24, IPv6 /64, mapped IPv4 as IPv4', () => {
    assert.equal(networkOf('203.0.113.77'), '203.0.113.0/24');
    assert.equal(networkOf('::ffff:203.0.113.9'), '203.0.113.0/24');
    assert.equal(networkOf('2001:db8:aa:bb:1:2:3:4'), '2001:db8:aa:bb::/64');
    assert.equal(networkOf('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(networkOf('2001:db8:0:0:ffff::9'), networkOf('2001:db8::1'));
    assert.equal(networkOf('unknown'), 'unknown');
  });

  it('hash the network with a salt that changes every UTC day and never contain the address', () => {
    const keys = new ClientKeys();
    const day = Date.parse('2026-05-04T10:00:00Z');
    const a = keys.key('198.51.100.7', day);
    assert.equal(keys.key('198.51.100.200', day + 3600_000), a, 'one /24, one client');
    assert.notEqual(keys.key('198.51.101.7', day), a, 'another network, another client');
    assert.doesNotMatch(a, /198|51|100/);
    assert.notEqual(keys.key('198.51.100.7', day + 86_400_000), a, 'a new day, a new salt: keys cannot be linked across days');
  });

  it('trust X-Forwarded-For only as far as the configured proxies append to it', () => {
    assert.equal(clientAddress('10.0.0.1', '1.2.3.4', 0), '10.0.0.1', 'no proxy: the header is the client talking');
    assert.equal(clientAddress('10.0.0.1', 'spoofed, 198.51.100.7', 1), '198.51.100.7', 'one proxy: the entry it appended');
    assert.equal(clientAddress('10.0.0.1', 'spoofed, 198.51.100.7, 10.0.0.2', 2), '198.51.100.7');
    assert.equal(clientAddress('10.0.0.1', '[2001:db8::1]:443', 1), '2001:db8::1');
    assert.equal(clientAddress('10.0.0.1', undefined, 1), '10.0.0.1');
  });
});

describe('configuration of the protections', () => {
  it('reads the settings from the environment and refuses nonsense', () => {
    const config = loadConfig(undefined, {
      DORFPLATZ_TRUST_PROXY: '2', DORFPLATZ_PROOF_OF_WORK: '50000', DORFPLATZ_READS_PER_MINUTE: '0', DORFPLATZ_MEMBER_WRITES_PER_MINUTE: '60',
      DORFPLATZ_HONEYPOT_FIELD: 'website', DORFPLATZ_DB_POOL_SIZE: '8',
    });
    assert.equal(config.trustProxy, 2);
    assert.equal(config.proofOfWork, 50000);
    assert.equal(config.readsPerMinute, 0);
    assert.equal(config.memberWritesPerMinute, 60);
    assert.equal(config.honeypotField, 'website');
    assert.equal(config.databasePoolSize, 8);
    assert.equal(loadConfig(undefined, { DORFPLATZ_TRUST_PROXY: 'yes' }).trustProxy, true);
    assert.equal(loadConfig(undefined, {}).readsPerMinute, 1200);
    assert.throws(() => loadConfig(undefined, { DORFPLATZ_PROOF_OF_WORK: '-1' }), /proofOfWork/);
    assert.throws(() => loadConfig(undefined, { DORFPLATZ_HONEYPOT_FIELD: 'a b' }), /honeypotField/);
  });
});

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1 secret "12345678901234567890"; 6-digit codes are the last six digits.
  const secret = base32Encode(Buffer.from('12345678901234567890'));
  it('matches the RFC test vectors', () => {
    assert.equal(totpCode(secret, totpStep(59_000)), '287082');
    assert.equal(totpCode(secret, totpStep(1_111_111_109_000)), '081804');
    assert.equal(totpCode(secret, totpStep(1_234_567_890_000)), '005924');
    assert.equal(totpCode(secret, totpStep(2_000_000_000_000)), '279037');
  });
  it('accepts the current step and one step of drift either way, nothing else', () => {
    const now = 1_234_567_890_000;
    const step = totpStep(now);
    assert.equal(verifyTotp(secret, totpCode(secret, step), now), step);
    assert.equal(verifyTotp(secret, totpCode(secret, step - 1), now), step - 1);
    assert.equal(verifyTotp(secret, totpCode(secret, step + 1), now), step + 1);
    assert.equal(verifyTotp(secret, totpCode(secret, step - 2), now), null);
    assert.equal(verifyTotp(secret, 'abcdef', now), null);
  });
});

describe('proof of work', () => {
  const pow = new ProofOfWork(3000);
  it('the client solver finds the number; the server accepts the solution once', async () => {
    const challenge = ProofChallenge.parse(pow.issue('s3cret', 'pow-unit'));
    const number = await solveChallenge(challenge);
    assert.ok(number !== null && number <= 3000);
    const header = proofHeader(challenge, number);
    pow.verify(header, 's3cret', 'pow-unit');
    assert.throws(() => pow.verify(header, 's3cret', 'pow-unit'), (e: any) => e.issues[0].code === 'pow.required', 'a solution works once');
  });
  it('refuses forged, wrong, foreign and expired solutions', async () => {
    const challenge = ProofChallenge.parse(pow.issue('s3cret', 'pow-unit'));
    const number = (await solveChallenge(challenge))!;
    const invalid = (header: string | undefined, community = 'pow-unit', code = 'pow.invalid') =>
      assert.throws(() => pow.verify(header, 's3cret', community), (e: any) => e.code === 'forbidden' && e.issues[0].code === code);
    invalid(undefined, 'pow-unit', 'pow.required');
    invalid('not base64 json');
    invalid(proofHeader(challenge, (number + 1) % 3001), 'pow-unit');
    invalid(proofHeader({ ...challenge, signature: '0'.repeat(64) }, number));
    invalid(proofHeader(challenge, number), 'another-community');
    const old = ProofChallenge.parse(pow.issue('s3cret', 'pow-unit', Date.now() - 11 * 60_000));
    invalid(proofHeader(old, (await solveChallenge(old))!), 'pow-unit', 'pow.required');
  });
});

onEachDatabase('abuse protection over HTTP', (kind, label) => {
  describe(label, () => {
    let running: Running;
    before(async () => {
      running = await startServer(await openTestDatabase(kind), { ownsDb: true });
    });
    after(() => running.close());

    const community = async (origins = ['*']) => {
      const id = `ab-${randomUUID().slice(0, 8)}`;
      await addCommunity(running.db, { id, name: 'Abuse', timeZone: 'Europe/Berlin', locale: 'de', origins });
      const secret = (await running.db.query<{ secret: string }>('SELECT secret FROM communities WHERE id = $1', [id]))[0]!.secret;
      return { id, secret };
    };

    it('limits anonymous writes per route and client, reads per client, members per member; 429 carries Retry-After', async () => {
      const limited = await startServer(running.db, { rateLimits: { anonymousWritesPerMinute: 2, readsPerMinute: 4, memberWritesPerMinute: 2 }, server: { trustProxy: 1 } });
      try {
        const { id, secret } = await community();
        const b = `${limited.url}/c/${id}`;
        const from = (ip: string) => ({ 'X-Forwarded-For': ip });
        for (let i = 0; i < 2; i++) assert.equal((await call(b, 'POST', '/lost-found/items', { body: item(), headers: from('198.51.100.7') })).status, 200);
        const refused = item();
        const r = await call(b, 'POST', '/lost-found/items', { body: refused, headers: from('198.51.100.8') });
        assert.equal(r.status, 429, 'the same /24 is the same client');
        assert.equal(r.json.code, 'rate-limited');
        assert.equal(r.headers.get('retry-after'), String(r.json.details.retryAfter));
        assert.ok(r.json.details.retryAfter >= 1 && r.json.details.retryAfter <= 30);
        assert.equal((await call(b, 'POST', '/lost-found/items', { body: item(), headers: from('spoofed, 203.0.113.5') })).status, 200, 'another client has its own bucket');
        assert.equal((await call(b, 'POST', '/lost-found/items', { body: item(), headers: from('203.0.113.5, 198.51.100.9') })).status, 429, 'a spoofed left entry changes nothing');
        assert.equal(
          (await call(b, 'POST', '/bookings/requests', { body: { nonsense: true }, headers: from('198.51.100.7') })).status, 422,
          'another route has its own bucket (the request reaches validation)',
        );
        for (let i = 0; i < 4; i++) assert.equal((await call(b, 'GET', '/lost-found/items', { headers: from('192.0.2.1') })).status, 200);
        assert.equal((await call(b, 'GET', '/lost-found/items', { headers: from('192.0.2.1') })).status, 429, 'reads are limited too');
        assert.equal((await call(b, 'GET', '/feed/groups', { headers: from('192.0.2.1') })).status, 200, 'per route');
        const token = memberToken(id, secret, { kind: 'member', memberId: 'ab-m', displayName: 'M' });
        for (let i = 0; i < 2; i++) assert.equal((await call(b, 'POST', '/lost-found/items', { token, body: item(), headers: from('198.51.100.7') })).status, 200);
        assert.equal((await call(b, 'POST', '/lost-found/items', { token, body: item(), headers: from('192.0.2.99') })).status, 429, 'a member is limited by member, wherever they write from');
        assert.equal((await call(b, 'GET', `/lost-found/items/${refused.id}`, { headers: from('192.0.2.50') })).status, 404, 'a refused write wrote nothing');
      } finally {
        await limited.close();
      }
    });

    it('per-route overrides tighten one route only', async () => {
      const limited = await startServer(running.db, { rateLimits: { anonymousWritesPerMinute: 10, routes: { 'post /lost-found/items': 1 } } });
      try {
        const { id } = await community();
        const b = `${limited.url}/c/${id}`;
        assert.equal((await call(b, 'POST', '/lost-found/items', { body: item() })).status, 200);
        assert.equal((await call(b, 'POST', '/lost-found/items', { body: item() })).status, 429);
      } finally {
        await limited.close();
      }
    });

    it('a write from an origin the community does not list is refused with 403 and writes nothing', async () => {
      const { id } = await community(['https://www.musterdorf.de']);
      const b = `${running.url}/c/${id}`;
      const before = await rowCounts(running.db);
      for (const origin of ['https://evil.example', 'null', 'https://www.musterdorf.de.evil.example']) {
        const r = await call(b, 'POST', '/lost-found/items', { body: item(), headers: { Origin: origin } });
        assert.equal(r.status, 403, origin);
        assert.equal(r.json.code, 'forbidden');
        assert.equal(r.json.details.issues[0].code, 'origin.forbidden');
      }
      assert.deepEqual(await rowCounts(running.db), before);
      assert.equal((await call(b, 'POST', '/lost-found/items', { body: item(), headers: { Origin: 'https://www.musterdorf.de' } })).status, 200);
      assert.equal((await call(b, 'POST', '/lost-found/items', { body: item() })).status, 200, 'no Origin: not a browser, not CSRF');
      const read = await call(b, 'GET', '/lost-found/items', { headers: { Origin: 'https://evil.example' } });
      assert.equal(read.status, 200, 'reads are public; the browser just gets no CORS grant');
      assert.equal(read.headers.get('access-control-allow-origin'), null);
    });

    it('writes are JSON only: form posts, multipart and text bodies get 415 and write nothing', async () => {
      const { id } = await community();
      const b = `${running.url}/c/${id}`;
      const before = await rowCounts(running.db);
      const json = JSON.stringify(item());
      const form = new FormData();
      form.set('title', 'x');
      for (const [raw, type] of [[`title=x`, 'application/x-www-form-urlencoded'], [json, 'text/plain'], [json, 'text/plain;charset=UTF-8']] as const) {
        const r = await call(b, 'POST', '/lost-found/items', { raw, type });
        assert.equal(r.status, 415, type);
        assert.equal(r.json.code, 'validation');
      }
      assert.equal((await fetch(`${b}/lost-found/items`, { method: 'POST', body: form })).status, 415, 'multipart');
      // A write route without a body refuses a form post as well.
      assert.equal((await call(b, 'POST', '/bookings/manage/cancel', { raw: 'a=b', type: 'application/x-www-form-urlencoded', headers: { 'X-Manage-Token': 'x' } })).status, 415);
      assert.deepEqual(await rowCounts(running.db), before);
      // File uploads keep their own content types.
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
      const upload = await call(b, 'POST', `/files?id=${randomUUID()}&name=a.png`, { raw: png, type: 'image/png' });
      assert.equal(upload.status, 200, upload.text);
    });

    it('bodies over the limit get 413, also when they hide their length', async () => {
      const { id } = await community();
      const b = `${running.url}/c/${id}`;
      const before = await rowCounts(running.db);
      const big = JSON.stringify({ ...item(), description: 'x'.repeat(300 * 1024) });
      assert.equal((await call(b, 'POST', '/lost-found/items', { raw: big, type: 'application/json' })).status, 413);
      const chunks = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(10 * 1024)));
          controller.close();
        },
      });
      const streamed = await fetch(`${b}/lost-found/items`, { method: 'POST', body: chunks, headers: { 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit);
      assert.equal(streamed.status, 413);
      assert.deepEqual(await rowCounts(running.db), before);
    });

    it('the honeypot: an anonymous write with the bait field filled in is refused and writes nothing', async () => {
      const { id } = await community();
      const b = `${running.url}/c/${id}`;
      const before = await rowCounts(running.db);
      const r = await call(b, 'POST', '/lost-found/items', { body: { ...item(), _hp: 'https://cheap-pills.example' } });
      assert.equal(r.status, 422);
      assert.deepEqual(r.json.details.issues, [{ path: '_hp', code: 'request.rejected' }]);
      assert.deepEqual(await rowCounts(running.db), before);
      assert.equal((await call(b, 'POST', '/lost-found/items', { body: { ...item(), _hp: '' } })).status, 200, 'the empty bait, as the widgets send it');
    });

    it('password sign-in: an account locks after 5 failures (even for the right password), across processes, and unlocks later', async () => {
      const { id } = await community();
      await addStaff(running.db, id, { username: 'vorstand', password: 'Korrekt Pferd Batterie', roles: ['member', 'moderator'] });
      const other = await startServer(running.db);
      try {
        const b = `${running.url}/c/${id}`;
        const signIn = (base: string, username: string, password: string, ip = '198.51.100.1') =>
          call(base, 'POST', '/session/sign-in', { body: { username, password }, headers: { 'X-Forwarded-For': ip } });
        for (let i = 0; i < 5; i++) assert.equal((await signIn(b, 'vorstand', `falsch-${i}`, `198.51.${i}.1`)).status, 403);
        const locked = await signIn(b, 'vorstand', 'Korrekt Pferd Batterie');
        assert.equal(locked.status, 429);
        assert.equal(locked.json.details.issues[0].code, 'session.locked');
        assert.ok(Number(locked.headers.get('retry-after')) >= 50 && Number(locked.headers.get('retry-after')) <= 60);
        assert.equal((await signIn(`${other.url}/c/${id}`, 'vorstand', 'Korrekt Pferd Batterie')).status, 429, 'the lock holds in every process');
        // Unknown usernames lock the same way: a lockout tells nothing about who exists.
        for (let i = 0; i < 5; i++) assert.equal((await signIn(b, 'niemand', 'x', `203.0.${i}.1`)).status, 403);
        assert.equal((await signIn(b, 'niemand', 'x')).status, 429);
        running.setNow(new Date(Date.now() + 61_000).toISOString());
        assert.equal((await signIn(b, 'vorstand', 'Korrekt Pferd Batterie')).status, 200, 'the lock ends');
        running.setNow(null);
        assert.equal((await signIn(b, 'vorstand', 'falsch')).status, 403, 'a success cleared the count');
        assert.equal((await signIn(b, 'vorstand', 'Korrekt Pferd Batterie')).status, 200);
      } finally {
        running.setNow(null);
        await other.close();
      }
    });

    it('password sign-in: one client guessing many accounts is slowed down', async () => {
      const proxied = await startServer(running.db, { server: { trustProxy: true } });
      try {
        const { id } = await community();
        const b = `${proxied.url}/c/${id}`;
        const guess = (username: string, ip: string) => call(b, 'POST', '/session/sign-in', { body: { username, password: 'passwort1' }, headers: { 'X-Forwarded-For': ip } });
        for (let i = 0; i < 10; i++) assert.equal((await guess(`user-${i}`, '192.0.2.10')).status, 403);
        const slowed = await guess('user-10', '192.0.2.11');
        assert.equal(slowed.status, 429);
        assert.equal(slowed.json.details.issues[0].code, 'session.slowDown');
        assert.ok(Number(slowed.headers.get('retry-after')) >= 1);
        assert.equal((await guess('user-10', '203.0.113.10')).status, 403, 'other clients are not slowed down');
      } finally {
        await proxied.close();
      }
    });

    it('the proof-of-work gate: anonymous writes need a solved challenge, once each; members and reads do not', async () => {
      const gated = await startServer(running.db, { server: { proofOfWork: { maxNumber: 5000 } } });
      try {
        const { id, secret } = await community();
        const b = `${gated.url}/c/${id}`;
        const before = await rowCounts(running.db);
        const bare = await call(b, 'POST', '/lost-found/items', { body: item() });
        assert.equal(bare.status, 403);
        assert.ok(needsProof(bare.json), 'the client recognizes the request for a proof');
        assert.deepEqual(await rowCounts(running.db), before);
        const proof = (await proveWork(async () => (await call(b, 'GET', '/pow/challenge')).json))!;
        assert.ok(proof);
        const input = item();
        assert.equal((await call(b, 'POST', '/lost-found/items', { body: input, headers: { 'X-Dorf-Proof': proof } })).status, 200);
        const replay = await call(b, 'POST', '/lost-found/items', { body: item(), headers: { 'X-Dorf-Proof': proof } });
        assert.equal(replay.status, 403);
        assert.equal(replay.json.details.issues[0].code, 'pow.required');
        const token = memberToken(id, secret, { kind: 'member', memberId: 'pow-m', displayName: 'M' });
        assert.equal((await call(b, 'POST', '/lost-found/items', { token, body: item() })).status, 200, 'members carry a signed token instead');
        assert.equal((await call(b, 'GET', `/lost-found/items/${input.id}`)).status, 200, 'reads need no proof');
        const preflight = await fetch(`${b}/lost-found/items`, { method: 'OPTIONS', headers: { Origin: 'https://x.example', 'Access-Control-Request-Method': 'POST' } });
        assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /X-Dorf-Proof/);
        // The widgets' HTTP adapter solves the challenge on its own: a visitor's report just goes through.
        const visitor = createHttpBackend({ baseUrl: gated.url, community: id, token: null, retries: 0 });
        try {
          const report = item();
          const receipt = await visitor.lostFound.report(report);
          assert.equal(receipt.item.id, report.id);
          assert.equal((await call(b, 'GET', `/lost-found/items/${report.id}`)).status, 200);
        } finally {
          visitor.close();
        }
      } finally {
        await gated.close();
      }
    });
  });
});

describe('TOTP sign-in, enabled with the CLI (PGlite data folder)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dorf-totp-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', DORFPLATZ_DATA_DIR: dir }, timeout: 60_000 });

  it('totp enable prints a secret; sign-in then needs a fresh code; totp disable turns it off', async () => {
    await cli('community', 'add', 'totpdorf', '--name', 'Totpdorf', '--origin', 'https://totp.example', '--admin-user', 'admin', '--admin-password', 'lange geheime Phrase');
    const enabled = await cli('totp', 'enable', 'totpdorf', '--user', 'admin');
    const secret = /secret: ([A-Z2-7]+)/.exec(enabled.stdout)?.[1];
    assert.ok(secret, enabled.stdout);
    assert.match(enabled.stdout, /otpauth:\/\/totp\/Dorfplatz%20totpdorf:admin\?secret=/);
    await assert.rejects(cli('totp', 'enable', 'totpdorf', '--user', 'nobody'), /no staff account/);

    const db = await openPglite(dir);
    await migrate(db);
    const running = await startServer(db, { ownsDb: true });
    try {
      const b = `${running.url}/c/totpdorf`;
      const signIn = (body: object) => call(b, 'POST', '/session/sign-in', { body: { username: 'admin', password: 'lange geheime Phrase', ...body } });
      const missing = await signIn({});
      assert.equal(missing.status, 403);
      assert.equal(missing.json.details.issues[0].code, 'session.totpRequired');
      const code = totpCode(secret, totpStep(Date.now()));
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      assert.equal((await signIn({ code: wrong })).json.details.issues[0].code, 'session.totpInvalid');
      const ok = await signIn({ code });
      assert.equal(ok.status, 200, ok.text);
      assert.ok(ok.json.token);
      const replayed = await signIn({ code });
      assert.equal(replayed.status, 403, 'a code works once');
      assert.equal(replayed.json.details.issues[0].code, 'session.totpInvalid');
      assert.equal((await call(b, 'POST', '/session/sign-in', { body: { username: 'admin', password: 'falsch', code } })).json.details.issues[0].code, 'session.badCredentials');
    } finally {
      await running.close();
    }
    await cli('totp', 'disable', 'totpdorf', '--user', 'admin');
    const db2 = await openPglite(dir);
    const again = await startServer(db2, { ownsDb: true });
    try {
      assert.equal((await call(`${again.url}/c/totpdorf`, 'POST', '/session/sign-in', { body: { username: 'admin', password: 'lange geheime Phrase' } })).status, 200);
    } finally {
      await again.close();
    }
  });
});

