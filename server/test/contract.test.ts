/**
 * The adapter contract kit against HTTP adapter + server, on PGlite and (when
 * TEST_DATABASE_URL or DATABASE_URL is set) on PostgreSQL.
 */
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { runContractSuite, type TestApi } from '../../src/data/contract/index.js';
import { httpHarness, openTestDatabase, POSTGRES_URL, startServer, type Running } from './support.js';

/**
 * Tests of domains this server does not serve yet are reported as skipped (with the reason),
 * never silently dropped.
 */
const NOT_YET: [RegExp, string][] = [];

function testApi(): TestApi {
  return {
    describe: (name, body) => describe(name, body),
    it: (name, body) => {
      const skip = NOT_YET.find(([re]) => re.test(name))?.[1];
      it(name, { skip, timeout: 60_000 }, body);
    },
    beforeEach: (body) => beforeEach(body),
    afterEach: (body) => afterEach(body),
  };
}

function suites(label: string, kind: 'pglite' | 'postgres') {
  describe(`dorfplatz-server on ${label}`, () => {
    let running: Running | null = null;
    before(async () => {
      running = await startServer(await openTestDatabase(kind), { ownsDb: true });
    });
    after(async () => {
      await running?.close();
    });
    const harness = httpHarness(`HTTP + ${label}`, () => running!);
    const api = testApi();
    runContractSuite(harness, api);
  });
}

suites('PGlite', 'pglite');
if (POSTGRES_URL) suites('PostgreSQL', 'postgres');
else console.log('# PostgreSQL contract run skipped: set TEST_DATABASE_URL (or DATABASE_URL) to run the kit against PostgreSQL too.');
