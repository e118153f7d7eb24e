/**
 * The per-test world of the kit: a fresh community from the harness, a fixed clock, and
 * actors (each a separate backend on the shared store, as separate visitors are).
 */
import type { Backend } from '../backend.js';
import type { Page, PageRequest } from '../schema/index.js';
import { equal, fail, ok } from './assert.js';
import { KIT_NOW, addMinutes, tag, uid } from './fixtures.js';
import type { Actor, ActorKind, ContractHarness, TestApi } from './harness.js';

/** A person taking part in a test: who they are and the backend acting for them. */
export interface Persona {
  kind: ActorKind;
  /** `null` for an anonymous visitor. */
  id: string | null;
  name: string;
  backend: Backend;
}

export interface Kit {
  readonly harness: ContractHarness;
  /** The community of the current test (a fresh slug per test). */
  readonly community: string;
  /** A new actor with its own backend. */
  actor(kind: ActorKind, name?: string): Promise<Persona>;
  anonymous(): Promise<Persona>;
  member(name?: string): Promise<Persona>;
  moderator(name?: string): Promise<Persona>;
  admin(name?: string): Promise<Persona>;
  /** A second backend for the same person (another tab, another device). */
  again(persona: Persona): Promise<Persona>;
  /** A backend for a given person, e.g. a member from a seeded dataset. */
  as(kind: ActorKind, memberId: string, displayName: string): Promise<Persona>;
  /** The clock the backend sees, as last set. */
  readonly now: string;
  setNow(iso: string): Promise<void>;
  /** Moves the backend clock forward by `minutes`. */
  tick(minutes?: number): Promise<string>;
}

/**
 * Registers the hooks that give each test a fresh store and returns the kit handle whose
 * fields are valid inside tests (not while the suite is being declared).
 */
export function useKit(harness: ContractHarness, test: TestApi): Kit {
  let community = '';
  let now = KIT_NOW;
  let ready = false;

  const ensure = () => {
    if (!ready) fail('the kit is only usable inside a test (the harness setup did not run or failed)');
  };

  const kit: Kit = {
    harness,
    get community() {
      ensure();
      return community;
    },
    get now() {
      return now;
    },
    async actor(kind, name) {
      ensure();
      const id = kind === 'anonymous' ? null : uid();
      const displayName = name ?? (kind === 'anonymous' ? 'Gast' : `${kind[0].toUpperCase()}${kind.slice(1)} ${tag().slice(0, 6)}`);
      const actor: Actor = id === null ? { kind } : { kind, memberId: id, displayName };
      const backend = await harness.as(actor);
      return { kind, id, name: displayName, backend };
    },
    anonymous: () => kit.actor('anonymous'),
    member: (name) => kit.actor('member', name),
    moderator: (name) => kit.actor('moderator', name),
    admin: (name) => kit.actor('admin', name),
    async again(persona) {
      const actor: Actor = persona.id === null ? { kind: persona.kind } : { kind: persona.kind, memberId: persona.id, displayName: persona.name };
      return { ...persona, backend: await harness.as(actor) };
    },
    async as(kind, memberId, displayName) {
      ensure();
      return { kind, id: memberId, name: displayName, backend: await harness.as({ kind, memberId, displayName }) };
    },
    async setNow(iso) {
      now = new Date(iso).toISOString();
      await harness.setNow(now);
    },
    async tick(minutes = 1) {
      await kit.setNow(addMinutes(now, minutes));
      return now;
    },
  };

  test.beforeEach(async () => {
    ready = false;
    community = `kit-${tag()}`;
    now = KIT_NOW;
    await harness.setup(community);
    await harness.setNow(now);
    ready = true;
  });
  test.afterEach(async () => {
    ready = false;
    try {
      await harness.setNow(null);
    } finally {
      await harness.teardown();
    }
  });
  return kit;
}

// ---------------------------------------------------------------------------------------------
// Paging

export interface WalkResult<T> {
  items: T[];
  pages: Page<T>[];
  cursors: (string | null)[];
}

/**
 * Reads every page of a list with `limit`, checking the page contract on the way: no page
 * larger than `limit`, a cursor on every page but the last, and an end within `maxPages`.
 * `between` runs after each page (e.g. to add records while someone pages).
 */
export async function walkPages<T>(
  fetch: (page: PageRequest) => Promise<Page<T>>,
  limit: number,
  options: { maxPages?: number; between?: (pageIndex: number) => Promise<void> } = {},
): Promise<WalkResult<T>> {
  const maxPages = options.maxPages ?? 200;
  const items: T[] = [];
  const pages: Page<T>[] = [];
  const cursors: (string | null)[] = [];
  let cursor: string | null = null;
  for (let i = 0; ; i++) {
    if (i >= maxPages) fail(`paging did not end after ${maxPages} pages (cursor ${cursor})`);
    cursors.push(cursor);
    const page = await fetch(cursor === null ? { limit } : { cursor, limit });
    ok(page && Array.isArray(page.items), `page ${i} is not a Page: ${JSON.stringify(page)}`);
    ok(page.items.length <= limit, `page ${i} has ${page.items.length} items, more than limit ${limit}`);
    pages.push(page);
    items.push(...page.items);
    if (page.nextCursor === null) break;
    equal(typeof page.nextCursor, 'string', `nextCursor of page ${i}`);
    ok(page.nextCursor !== cursor, `page ${i} returned the cursor it was asked with: paging would loop`);
    if (page.items.length === 0) fail(`page ${i} is empty but has a nextCursor`);
    cursor = page.nextCursor;
    await options.between?.(i);
  }
  return { items, pages, cursors };
}

/** Ids occurring more than once. */
export function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

// ---------------------------------------------------------------------------------------------
// Waiting

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until true or `timeout` ms passed; returns whether it became true. */
export async function eventually(condition: () => boolean, timeout = 2000, interval = 10): Promise<boolean> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (condition()) return true;
    await sleep(interval);
  }
  return condition();
}

/** `Promise.allSettled`, split. */
export async function settle<T>(promises: Promise<T>[]) {
  const results = await Promise.allSettled(promises);
  const fulfilled = results.filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === 'fulfilled').map((r) => r.value);
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
  return { fulfilled, rejected };
}
