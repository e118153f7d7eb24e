/**
 * A throwaway database per test with a controllable clock, and backends acting as whoever a
 * test needs, all on that one database (like several tabs or visitors).
 */
import { BackendError } from '../../src/data/backend.js';
import { createLocalBackend, type LocalBackend } from '../../src/data/adapters/local/index.js';
import type { Member, Role } from '../../src/data/schema/index.js';

export interface World {
  readonly dbName: string;
  readonly community: string;
  /** The clock every backend of this world reads. */
  now: Date;
  /** A backend acting as `member` (`null`: anonymous) or as this browser's visitor. */
  as(member: Member | null | 'visitor'): LocalBackend;
  person(name: string, roles?: Role[]): LocalBackend & { member: Member };
  admin(): LocalBackend & { member: Member };
  /** Closes every backend and deletes the database. */
  dispose(): Promise<void>;
}

export function world(now = '2030-03-04T09:00:00.000Z', community = 'testdorf'): World {
  const dbName = `dorf-test-${crypto.randomUUID()}`;
  const opened: LocalBackend[] = [];
  const w: World = {
    dbName,
    community,
    now: new Date(now),
    as(member) {
      const backend = createLocalBackend({
        community, dbName, now: () => new Date(w.now), ...(member !== 'visitor' && { identity: { member } }),
      });
      opened.push(backend);
      return backend;
    },
    person(name, roles = ['member']) {
      const member: Member = { id: crypto.randomUUID(), displayName: name, roles };
      return Object.assign(w.as(member), { member });
    },
    admin: () => w.person('Admin', ['member', 'moderator', 'admin']),
    async dispose() {
      for (const backend of opened.splice(0)) backend.close();
      await deleteDatabase(dbName);
    },
  };
  return w;
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`deleting ${name} is blocked: a connection was left open`));
  });
}

/** The `BackendError` a promise rejects with; fails if it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw new Error(`expected a BackendError, got ${String(error)}`);
  }
  throw new Error('expected a rejection, but it resolved');
}

/** Waits until `condition` holds, polling; fails after `timeout` ms. */
export async function until(condition: () => boolean, what: string, timeout = 2000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
