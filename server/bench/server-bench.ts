/**
 * `npm run bench -w server`: the server's budgets, measured on loopback and printed (never
 * asserted):
 *
 * 1. Feed page reads on PostgreSQL, 50 connections (autocannon), against the raw `pg` rate of
 *    the very SQL the endpoint runs (`feedPageQuery`, its only query), 50 connections, in the same run. Budget: ≥ 0.5× the raw rate, p99 ≤ 50 ms.
 * 2. Booking writes (autocannon, 50 connections, requests spread over many overlapping ranges):
 *    requests/s, and the number of overlapping slot-holding bookings afterwards. Budget:
 *    ≥ 200 requests/s with zero overlaps.
 *
 * Needs PostgreSQL: `DATABASE_URL` or `TEST_DATABASE_URL` (the bench creates and drops its own
 * community there). Without it, it runs on PGlite and says so. `BENCH_SECONDS` (default 10).
 * Profiling: `BENCH_ONLY=reads` skips the writes, `BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=…'`
 * passes node flags to the server process (it exits cleanly on SIGTERM, so the profile is written).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { bulkPosts, municipalitySample } from '../../src/data/sample/index.js';
import { fixtures } from '../../src/data/contract/index.js';
import { addCommunity, removeCommunity } from '../src/communities.js';
import { openPglite, openPostgres, type Database } from '../src/db.js';
import { migrate } from '../src/migrate.js';
import { seedDataset } from '../src/domains/seed.js';
import { feedPageQuery } from '../src/domains/feed.js';

const URL_ = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const BIN = fileURLToPath(new URL('../bin/dorfplatz-server.mjs', import.meta.url));
/** Extra node flags for the server process, e.g. `BENCH_NODE_ARGS=--cpu-prof` to profile it. */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const DATA_DIR = fileURLToPath(new URL('../.bench-data/', import.meta.url));

function startProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, BIN, 'start'], { env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** `loops` concurrent loops running `query` for `seconds`; rate and p99 latency. */
async function rawRate(pool: pg.Pool, text: string, params: unknown[], seconds: number, loops: number) {
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: loops }, async () => {
    while (Date.now() < end) {
      const t = performance.now();
      // Prepared, like the server's queries.
      await pool.query({ name: 'bench_feed_page', text, values: params });
      latencies.push(performance.now() - t);
    }
  }));
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / seconds, p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0 };
}

async function main() {
  const onPostgres = !!URL_;
  console.log(`dorfplatz-server bench: ${onPostgres ? 'PostgreSQL' : 'PGlite (set DATABASE_URL or TEST_DATABASE_URL for the PostgreSQL budget)'}, ${CONNECTIONS} connections, ${SECONDS} s per run`);
  const community = `bench-${randomUUID().slice(0, 8)}`;
  let db: Database = onPostgres ? await openPostgres(URL_) : await openPglite(DATA_DIR);
  await migrate(db);
  await addCommunity(db, { id: community, name: 'Bench', timeZone: 'Europe/Berlin', locale: 'de', origins: ['*'] });
  const now = new Date();
  const sample = municipalitySample(now);
  const groupId = sample.groups.find((g) => g.visibility === 'public')!.id;
  await db.transaction((tx) => seedDataset(tx, community, {
    ...sample, community: { ...sample.community, id: community }, posts: [...sample.posts, ...bulkPosts(groupId, 5000, now)],
  }, now));
  const resourceIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const r = fixtures.resource({}, { leadTime: 0, maxAdvance: 3000, maxDuration: 24 * 60, step: 30, approval: 'auto', buffer: 30 });
    await db.query('INSERT INTO resources (community, id, name, data) VALUES ($1, $2, $3, $4)', [community, r.id, r.name, JSON.stringify(r)]);
    resourceIds.push(r.id);
  }
  // Fresh bulk data: give the planner statistics, as autovacuum would on a live database.
  await db.exec('ANALYZE');
  if (!onPostgres) {
    // PGlite allows one process per data folder: hand it over to the server process.
    await db.close();
  }
  // One load generator on loopback is one client: the per-client read and anonymous write limits are off here.
  const server = await startProcess({
    ...(onPostgres ? { DATABASE_URL: URL_ } : { DORFPLATZ_DATA_DIR: DATA_DIR }), DORFPLATZ_ANON_WRITES_PER_MINUTE: '0', DORFPLATZ_READS_PER_MINUTE: '0',
  });
  try {
    // 1. Feed page reads.
    const path = `/c/${community}/feed/posts?groupId=${groupId}&limit=20`;
    await fetch(server.url + path);
    const reads = await autocannon({ url: server.url + path, connections: CONNECTIONS, duration: SECONDS });
    console.log(`\nfeed page reads (GET ${path.replace(community, '<c>')})`);
    console.log(`  server: ${reads.requests.average.toFixed(0)} req/s, p50 ${ms(reads.latency.p50)}, p99 ${ms(reads.latency.p99)}, non-2xx ${reads.non2xx}, errors ${reads.errors}`);
    if (onPostgres) {
      const pool = new pg.Pool({ connectionString: URL_, max: CONNECTIONS });
      // The very statement the endpoint runs (its only query for an anonymous visitor), same parameters.
      const page = feedPageQuery(community, groupId, null, new Date(), null, null, 21);
      const raw = await rawRate(pool, page.text, page.values, SECONDS, CONNECTIONS);
      await pool.end();
      console.log(`  raw pg (the endpoint's SQL, ${CONNECTIONS} connections): ${raw.rate.toFixed(0)} queries/s, p50 ${ms(raw.p50)}, p99 ${ms(raw.p99)}`);
      const ratio = reads.requests.average / raw.rate;
      console.log(`  ratio ${ratio.toFixed(2)}× (budget ≥ 0.5×: ${ratio >= 0.5 ? 'met' : 'NOT met'}), p99 budget ≤ 50 ms: ${reads.latency.p99 <= 50 ? 'met' : 'NOT met'}`);
    }

    if (process.env.BENCH_ONLY !== 'reads') {
      // 2. Booking writes: random 2-hour ranges on a 30-minute grid over ~100 days and 5 resources.
      let n = 0;
      const day0 = Date.parse(fixtures.addDays(new Date().toISOString(), 2).slice(0, 10) + 'T00:00:00Z');
      const writes = await autocannon({
        url: server.url,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [{
          method: 'POST',
          path: `/c/${community}/bookings/requests`,
          headers: { 'Content-Type': 'application/json' },
          setupRequest: (req) => {
            n++;
            const slot = Math.floor(Math.random() * 100 * 48);
            const start = new Date(day0 + slot * 30 * 60_000).toISOString();
            const end = new Date(day0 + slot * 30 * 60_000 + 2 * 3600_000).toISOString();
            const body = fixtures.bookingRequest(resourceIds[n % resourceIds.length]!, start, end);
            return { ...req, body: JSON.stringify(body) };
          },
        }],
      });
      const codes = writes.statusCodeStats ?? {};
      const ok = codes['200']?.count ?? 0;
      const conflicts = codes['409']?.count ?? 0;
      console.log('\nbooking writes (POST /bookings/requests, random overlapping 2 h ranges, 30 min buffer)');
      console.log(`  ${writes.requests.average.toFixed(0)} req/s (budget ≥ 200: ${writes.requests.average >= 200 ? 'met' : 'NOT met'}), p99 ${ms(writes.latency.p99)}; ${ok} booked, ${conflicts} conflicts, ${writes.errors} errors, other statuses ${JSON.stringify(Object.fromEntries(Object.entries(codes).filter(([c]) => c !== '200' && c !== '409')))}`);
    }
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
  if (!onPostgres) db = await openPglite(DATA_DIR);
  const overlaps = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM bookings a JOIN bookings b ON a.community = b.community AND a.resource_id = b.resource_id AND a.id < b.id
     WHERE a.community = $1 AND a.status IN ('requested', 'confirmed') AND b.status IN ('requested', 'confirmed') AND a.held && b.held`,
    [community],
  );
  console.log(`  overlapping slot-holding bookings afterwards: ${overlaps[0]!.n}`);
  await db.transaction((tx) => removeCommunity(tx, community));
  await db.close();
}

await main();
