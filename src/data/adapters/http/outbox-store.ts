/**
 * Where the outbox keeps its writes: IndexedDB (`persistent`), sessionStorage (`session`, this tab
 * only) or, where neither is allowed, memory. Each write is one record under its key, so writing
 * the same key again replaces it and never adds a second copy.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { Connection, toBackendError } from '../local/connection.js';
import type { Call } from './client.js';
import type { OutboxEntry } from './outbox-api.js';

/** An entry as stored: what the widget sees, plus what it takes to send it again. */
export interface StoredEntry extends OutboxEntry {
  /** Order of delivery: queue time in ms, made unique within the page. */
  readonly seq: number;
  /** Who queued it (member id from the token, or `anonymous`): it is only sent as them. */
  readonly owner: string;
  readonly call: Pick<Call, 'method' | 'path' | 'query' | 'body' | 'headers'>;
}

export interface OutboxStore {
  readonly kind: 'persistent' | 'session' | 'memory';
  /** Every entry, in delivery order. */
  list(): Promise<StoredEntry[]>;
  put(entry: StoredEntry): Promise<void>;
  remove(key: string): Promise<void>;
  /** Cheap check for the page load: is there anything at all (without creating storage)? */
  maybeNonEmpty(): Promise<boolean>;
  close(): void;
}

const bySeq = (a: StoredEntry, b: StoredEntry) => a.seq - b.seq || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

interface OutboxDB extends DBSchema {
  entries: { key: string; value: StoredEntry };
}

/** IndexedDB: one small database per server and community, created by the first queued write. */
export class IndexedDbStore implements OutboxStore {
  readonly kind = 'persistent';
  private readonly connection: Connection<OutboxDB>;
  private opened = false;

  constructor(readonly name: string, blockedTimeoutMs = 3000) {
    this.connection = new Connection<OutboxDB>({
      name,
      version: 1,
      blockedTimeoutMs,
      upgrade: (db, oldVersion) => {
        if (oldVersion < 1) db.createObjectStore('entries', { keyPath: 'key' });
      },
    });
  }

  /** One operation in its own transaction; a connection taken away under it is reopened once. */
  private async run<T>(work: (db: IDBPDatabase<OutboxDB>) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const db = await this.connection.get();
      this.opened = true;
      try {
        return await work(db);
      } catch (error) {
        if (attempt === 0 && error instanceof DOMException && error.name === 'InvalidStateError') {
          this.connection.reset(db);
          continue;
        }
        throw toBackendError(error);
      }
    }
  }

  async list(): Promise<StoredEntry[]> {
    return (await this.run((db) => db.getAll('entries'))).sort(bySeq);
  }

  async put(entry: StoredEntry): Promise<void> {
    await this.run((db) => db.put('entries', entry));
  }

  async remove(key: string): Promise<void> {
    await this.run((db) => db.delete('entries', key));
  }

  async maybeNonEmpty(): Promise<boolean> {
    if (this.opened) return true;
    // Do not create a database on a page load just to find it empty.
    const list = typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function' ? await indexedDB.databases().catch(() => null) : null;
    return list === null || list.some((db) => db.name === this.name);
  }

  close(): void {
    this.connection.close();
  }
}

/** sessionStorage: this tab only; survives a reload of the tab. */
export class SessionStore implements OutboxStore {
  readonly kind = 'session';
  constructor(private readonly storage: Storage, private readonly itemKey: string) {}

  private read(): StoredEntry[] {
    const text = this.storage.getItem(this.itemKey);
    if (!text) return [];
    try {
      const parsed = JSON.parse(text) as unknown;
      return Array.isArray(parsed) ? (parsed as StoredEntry[]) : [];
    } catch {
      return [];
    }
  }

  private write(entries: StoredEntry[]): void {
    try {
      if (entries.length) this.storage.setItem(this.itemKey, JSON.stringify(entries));
      else this.storage.removeItem(this.itemKey);
    } catch (error) {
      throw toBackendError(error);
    }
  }

  async list(): Promise<StoredEntry[]> {
    return this.read().sort(bySeq);
  }

  async put(entry: StoredEntry): Promise<void> {
    this.write([...this.read().filter((e) => e.key !== entry.key), entry]);
  }

  async remove(key: string): Promise<void> {
    const entries = this.read();
    const rest = entries.filter((e) => e.key !== key);
    if (rest.length !== entries.length) this.write(rest);
  }

  async maybeNonEmpty(): Promise<boolean> {
    return this.storage.getItem(this.itemKey) !== null;
  }

  close(): void {}
}

/** Memory: where the browser allows no storage at all; gone with the page. */
export class MemoryStore implements OutboxStore {
  readonly kind = 'memory';
  private readonly entries = new Map<string, StoredEntry>();

  async list(): Promise<StoredEntry[]> {
    return [...this.entries.values()].map((e) => structuredClone(e)).sort(bySeq);
  }

  async put(entry: StoredEntry): Promise<void> {
    this.entries.set(entry.key, structuredClone(entry));
  }

  async remove(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async maybeNonEmpty(): Promise<boolean> {
    return this.entries.size > 0;
  }

  close(): void {}
}

/** sessionStorage if this page may use it (it throws in some sandboxed frames), else memory. */
export function sessionOrMemory(itemKey: string): OutboxStore {
  try {
    const storage = globalThis.sessionStorage;
    if (storage) {
      const probe = `${itemKey}:probe`;
      storage.setItem(probe, '1');
      storage.removeItem(probe);
      return new SessionStore(storage, itemKey);
    }
  } catch {
    // disabled or full: memory it is
  }
  return new MemoryStore();
}
