/**
 * `dorfplatz/contract`: the adapter contract test kit.
 *
 * One suite checks every backend adapter the same way: the IndexedDB adapter in Chromium,
 * the HTTP adapter against the reference server under node:test, a third party's CMS plugin.
 * The kit never imports an adapter; the adapter author provides a `ContractHarness` that hands
 * out backends (one per actor, all on one store) and controls the clock.
 *
 * ```ts
 * import { runContractSuite } from 'dorfplatz/contract';
 * runContractSuite(myHarness);                         // mocha globals
 * runContractSuite(myHarness, { describe, it, beforeEach, afterEach }); // node:test
 * ```
 *
 * Every domain suite is exported on its own, e.g. `bookingsSuite(harness, test)`.
 */
import type { ContractHarness, TestApi } from './harness.js';
import { globalTestApi } from './recorder.js';
import { badgesSuite } from './suites/badges.js';
import { bookingsSuite } from './suites/bookings.js';
import { changesSuite } from './suites/changes.js';
import { feedSuite } from './suites/feed.js';
import { learningSuite } from './suites/learning.js';
import { lostFoundSuite } from './suites/lost-found.js';
import { seedSuite } from './suites/seed.js';
import { sessionSuite } from './suites/session.js';

export type { Actor, ActorKind, ContractHarness, TestApi } from './harness.js';
export { globalTestApi, recordingTestApi, type RecordingTestApi, type TestOutcome } from './recorder.js';
export * as assert from './assert.js';
export * as fixtures from './fixtures.js';
export { badgesSuite, bookingsSuite, changesSuite, feedSuite, learningSuite, lostFoundSuite, seedSuite, sessionSuite };

/** The domain suites in the order `runContractSuite` declares them. */
export const domainSuites = {
  session: sessionSuite,
  feed: feedSuite,
  bookings: bookingsSuite,
  lostFound: lostFoundSuite,
  learning: learningSuite,
  badges: badgesSuite,
  changes: changesSuite,
  seed: seedSuite,
} as const;

/**
 * Declares the whole contract suite for `harness`: one `describe` per domain inside
 * `Backend contract: <harness.name>`. `test` defaults to the runner's globals (mocha).
 */
export function runContractSuite(harness: ContractHarness, test: TestApi = globalTestApi()): void {
  test.describe(`Backend contract: ${harness.name}`, () => {
    for (const suite of Object.values(domainSuites)) suite(harness, test);
  });
}
