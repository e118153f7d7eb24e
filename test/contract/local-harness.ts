/**
 * The contract harness for the IndexedDB adapter: every actor gets its own backend (its own
 * connection, as another tab would) on one database per test, with a clock the kit controls.
 */
import type { Backend } from '../../src/data/backend.js';
import type { Actor, ContractHarness } from '../../src/data/contract/index.js';
import { createLocalBackend } from '../../src/data/adapters/local/index.js';
import type { Role } from '../../src/data/schema/index.js';

const ROLES: Record<Exclude<Actor['kind'], 'anonymous'>, Role[]> = {
  member: ['member'],
  moderator: ['member', 'moderator'],
  admin: ['member', 'moderator', 'admin'],
};

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // A connection someone forgot to close: the kit's teardown closed all it handed out,
    // so `blocked` means an adapter kept one open; resolve anyway, the name is unique.
    request.onblocked = () => resolve();
  });
}

export interface LocalHarness extends ContractHarness {
  /** Backends handed out since the last setup (for wrappers that need the honest one). */
  readonly opened: Backend[];
}

export function localHarness(name = 'IndexedDB (local adapter)'): LocalHarness {
  let community = '';
  let dbName = '';
  let fixed: number | null = null;
  const opened: Backend[] = [];

  return {
    name,
    opened,
    async setup(c) {
      community = c;
      dbName = `dorfplatz-contract-${crypto.randomUUID()}`;
      fixed = null;
    },
    async as(actor) {
      const member =
        actor.kind === 'anonymous'
          ? null
          : {
              id: actor.memberId ?? crypto.randomUUID(),
              displayName: actor.displayName ?? `Kit ${actor.kind}`,
              roles: ROLES[actor.kind],
            };
      const backend = createLocalBackend({
        community,
        dbName,
        identity: { member },
        now: () => new Date(fixed ?? Date.now()),
      });
      opened.push(backend);
      // The adapter opens in the background; wait, so this identity is known to the other
      // actors' backends (a moderator may award a badge to a member who has not written yet).
      await backend.ready();
      return backend;
    },
    async setNow(iso) {
      fixed = iso === null ? null : Date.parse(iso);
    },
    async teardown() {
      for (const backend of opened.splice(0)) {
        try {
          backend.close();
        } catch {
          // closing twice or a failed open: nothing to release
        }
      }
      if (dbName) await deleteDatabase(dbName);
    },
  };
}
