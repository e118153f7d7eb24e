/**
 * 50 parallel overlapping booking requests over HTTP: exactly one succeeds, the other 49 get
 * `409 conflict` with alternatives, and the database holds no two overlapping slot-holding
 * bookings afterwards. On PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fixtures } from '../../src/data/contract/index.js';
import { PG, pgCode } from '../src/db.js';
import { call, createCommunity, memberToken, onEachDatabase, openTestDatabase, startServer, type Running } from './support.js';

onEachDatabase('booking race', (kind, label) => {
  describe(label, () => {
    let running: Running;
    let community: string;
    let admin: string;
    before(async () => {
      running = await startServer(await openTestDatabase(kind), { ownsDb: true });
      community = `race-${randomUUID().slice(0, 8)}`;
      const secret = await createCommunity(running.db, community);
      admin = memberToken(community, secret, { kind: 'admin', memberId: 'race-admin', displayName: 'Admin' });
      running.setNow(fixtures.KIT_NOW);
    });
    after(() => running.close());

    it('50 parallel overlapping requests: exactly one succeeds, no overlap is stored', async () => {
      const base = `${running.url}/c/${community}`;
      const resource = fixtures.resource({}, { buffer: 15 });
      assert.equal((await call(base, 'PUT', '/bookings/resources', { token: admin, body: resource })).status, 200);
      const starts = ['10:00', '10:30', '11:00'];
      const ends = ['12:00', '12:30', '13:00'];
      const inputs = Array.from({ length: 50 }, (_, i) =>
        fixtures.bookingRequest(resource.id, `2030-03-11T${starts[i % 3]}:00.000Z`, `2030-03-11T${ends[Math.floor(i / 3) % 3]}:00.000Z`));
      const responses = await Promise.all(inputs.map((body) => call(base, 'POST', '/bookings/requests', { body })));
      const ok = responses.filter((r) => r.status === 200);
      const conflicts = responses.filter((r) => r.status === 409);
      assert.equal(ok.length, 1, `exactly one success, got ${ok.length}: ${responses.map((r) => r.status).join(',')}`);
      assert.equal(conflicts.length, 49);
      for (const r of conflicts) {
        assert.equal(r.json.code, 'conflict');
        assert.ok(r.json.details.alternatives.length > 0, 'alternatives offered');
        assert.equal(r.headers.get('content-type')?.startsWith('application/json'), true);
      }
      const overlapping = await running.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM bookings a JOIN bookings b ON a.community = b.community AND a.resource_id = b.resource_id AND a.id < b.id
         WHERE a.community = $1 AND a.status IN ('requested', 'confirmed') AND b.status IN ('requested', 'confirmed') AND a.held && b.held`,
        [community],
      );
      assert.equal(overlapping[0]!.n, 0, 'no two holding bookings overlap');
      assert.equal((await running.db.query('SELECT 1 FROM bookings WHERE community = $1', [community])).length, 1);
    });

    it('the exclusion constraint itself refuses an overlapping row (23P01), whatever the application does', async () => {
      const insert = (id: string, start: string, end: string) => running.db.query(
        `INSERT INTO bookings (community, id, resource_id, start_at, end_at, held, status, public_label, purpose, attendees, requester, created_at, manage_token)
         SELECT $1, $2, id, $3::timestamptz, $4::timestamptz, tstzrange($3::timestamptz, $4::timestamptz), 'requested', '', 'x', 1, '{}', now(), $5
         FROM resources WHERE community = $1 LIMIT 1`,
        [community, id, start, end, randomUUID() + randomUUID()],
      );
      await insert(randomUUID(), '2030-04-01T10:00:00Z', '2030-04-01T12:00:00Z');
      await assert.rejects(insert(randomUUID(), '2030-04-01T11:00:00Z', '2030-04-01T13:00:00Z'), (e) => pgCode(e) === PG.exclusionViolation);
      // Declined and cancelled bookings hold nothing.
      await running.db.query("UPDATE bookings SET status = 'declined' WHERE community = $1 AND start_at = '2030-04-01T10:00:00Z'", [community]);
      await insert(randomUUID(), '2030-04-01T11:00:00Z', '2030-04-01T13:00:00Z');
    });
  });
});
