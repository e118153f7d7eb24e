/**
 * What an adapter author provides to run the contract test kit against their adapter.
 *
 * The kit never imports an adapter: it receives backends from the harness, one per actor,
 * all sharing one store, the way visitors share a server.
 */
import type { Backend } from '../backend.js';
import type { Credentials } from '../schema/index.js';

export type ActorKind = 'anonymous' | 'member' | 'moderator' | 'admin';

export interface Actor {
  kind: ActorKind;
  /** Stable id of the person; the harness invents one when omitted (never for anonymous). */
  memberId?: string;
  displayName?: string;
}

export interface ContractHarness {
  /** Shown in the suite titles, e.g. "IndexedDB" or "HTTP + PostgreSQL". */
  readonly name: string;
  /** Before each test: a fresh, empty store for community `community`. */
  setup(community: string): Promise<void>;
  /** A backend acting as `actor` on the store of the last `setup`. */
  as(actor: Actor): Promise<Backend>;
  /** Sets the clock the backend uses for "now" (expiry, lead time, streaks); `null` = real time. */
  setNow(iso: string | null): Promise<void>;
  /** After each test: close every backend handed out and drop the store. */
  teardown(): Promise<void>;
  /**
   * Optional: credentials that `session.signIn` accepts for a moderator or admin of the store of
   * the last `setup`. Backends with password sign-in provide it; the sign-in test runs only then.
   */
  credentials?(kind: 'moderator' | 'admin'): Promise<Credentials>;
  /**
   * Optional: a member token, as the host site would sign it, that `session.useToken` accepts
   * for `actor`. Backends with host-site tokens provide it; the token test runs only then.
   */
  memberToken?(actor: Actor): Promise<string>;
}

/** The test functions of the runner in use (mocha in the browser, node:test on the server). */
export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void> | void): void;
  beforeEach(body: () => Promise<void> | void): void;
  afterEach(body: () => Promise<void> | void): void;
}
