/**
 * One lazily opened IndexedDB connection that gets out of the way of other tabs.
 *
 * - `blocking`: another tab wants a newer schema version. This connection closes at once so the
 *   other tab can upgrade; the next operation here reopens it (and learns that this page's code is
 *   now older than the database: `unavailable`, "reload").
 * - `blocked`: this tab wants to upgrade, and an old connection elsewhere does not close. The open
 *   waits up to `blockedTimeoutMs`, then rejects with `unavailable`; the next operation retries.
 * - `terminated`: the browser closed the connection (storage cleared, disk error); reopen lazily.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { BackendError } from '../../backend.js';

export interface ConnectionOptions<Schema extends DBSchema> {
  name: string;
  version: number;
  upgrade(db: IDBPDatabase<Schema>, oldVersion: number, transaction: IDBPTransaction<Schema, StoreNames<Schema>[], 'versionchange'>): void;
  /** How long an upgrade may wait for other tabs to close old connections. */
  blockedTimeoutMs: number;
}

/**
 * Why browser storage failed, as the `issues[0].code` of an `unavailable` error, so widgets say it
 * in words (`localize.error`): `storage.full` (quota exceeded), `storage.outdated` (a newer version
 * is open in another tab: reload), `storage.blocked` (an older version in another tab does not let
 * go), `storage.lost` (the browser closed the connection mid-way: try again), `storage.unavailable`
 * (storage is not allowed here, e.g. some private windows).
 */
export type StorageFailure = 'storage.full' | 'storage.outdated' | 'storage.blocked' | 'storage.lost' | 'storage.unavailable';

/** An `unavailable` error naming its storage failure. */
export function storageError(code: StorageFailure, message: string): BackendError {
  return new BackendError('unavailable', message, { issues: [{ path: '', code }] });
}

/**
 * Maps storage failures to typed errors; leaves `BackendError`s and programming errors alone.
 */
export function toBackendError(error: unknown): unknown {
  if (error instanceof BackendError || !(error instanceof DOMException)) return error;
  switch (error.name) {
    case 'QuotaExceededError':
      return storageError('storage.full', 'Browser storage is full (quota exceeded): free some space or remove old data, then try again.');
    case 'VersionError':
      return storageError('storage.outdated', 'A newer version of Dorfplatz is open in another tab: reload this page.');
    case 'ConstraintError':
      return new BackendError('conflict', `Stored data conflicts with this write: ${error.message}`);
    case 'InvalidStateError':
    case 'AbortError':
    case 'TransactionInactiveError':
      return storageError('storage.lost', `The connection to browser storage was lost (${error.name}: ${error.message}).`);
    default:
      return storageError('storage.unavailable', `Browser storage is unavailable (${error.name}: ${error.message}).`);
  }
}

export class Connection<Schema extends DBSchema> {
  private opening: Promise<IDBPDatabase<Schema>> | null = null;
  private current: IDBPDatabase<Schema> | null = null;
  private closed = false;

  constructor(private readonly options: ConnectionOptions<Schema>) {}

  /** The open database, opening (or reopening) it when needed. */
  get(): Promise<IDBPDatabase<Schema>> {
    if (this.closed) return Promise.reject(new BackendError('unavailable', 'This backend was closed.'));
    this.opening ??= this.open();
    return this.opening;
  }

  /** Forgets a connection the browser or another tab took away, so the next `get` reopens. */
  reset(db: IDBPDatabase<Schema>): void {
    db.close();
    if (this.current === db) {
      this.current = null;
      this.opening = null;
    }
  }

  close(): void {
    this.closed = true;
    const opening = this.opening;
    this.opening = null;
    opening?.then((db) => db.close(), () => undefined);
  }

  private open(): Promise<IDBPDatabase<Schema>> {
    const { name, version, blockedTimeoutMs } = this.options;
    const attempt = new Promise<IDBPDatabase<Schema>>((resolve, reject) => {
      let gaveUp = false;
      let blockedTimer: ReturnType<typeof setTimeout> | undefined;
      let request: Promise<IDBPDatabase<Schema>>;
      try {
        request = openDB<Schema>(name, version, {
          upgrade: (db, oldVersion, _newVersion, transaction) => this.options.upgrade(db, oldVersion, transaction),
          blocked: () => {
            blockedTimer ??= setTimeout(() => {
              gaveUp = true;
              reject(storageError('storage.blocked', 'Dorfplatz is open in another tab with an older version: close or reload that tab.'));
            }, blockedTimeoutMs);
          },
          blocking: (_current, _next, event) => {
            // Close synchronously, inside the `versionchange` event: then the other tab's open is
            // not even reported as blocked.
            (event.target as IDBDatabase).close();
            void request.then((db) => this.reset(db));
          },
          terminated: () => {
            void request.then((db) => this.reset(db));
          },
        });
      } catch (error) {
        // `indexedDB.open` itself throws where storage is disabled (some private modes, sandboxed frames).
        reject(storageError('storage.unavailable', `Browser storage is unavailable: ${error instanceof Error ? error.message : String(error)}`));
        return;
      }
      request.then(
        (db) => {
          clearTimeout(blockedTimer);
          // The caller was already told "unavailable"; a late success must not leak a connection.
          if (gaveUp || this.closed) {
            db.close();
          } else {
            this.current = db;
            resolve(db);
          }
        },
        (error) => {
          clearTimeout(blockedTimer);
          reject(toBackendError(error));
        },
      );
    });
    attempt.catch(() => {
      if (this.opening === attempt) this.opening = null;
    });
    return attempt;
  }
}
