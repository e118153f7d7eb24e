/**
 * What every domain of the local adapter shares: the connection, transactions that are
 * all-or-nothing, the acting identity, the clock, live changes and file URLs.
 *
 * This module is part of the static base that every page loads: it must not import zod or any
 * `schema/*` module at runtime (type-only imports are fine). What only the domains need (error
 * helpers, roles, paging) lives in `domain.ts`, which loads with them.
 */
import { forbidden, type Topic } from '../../backend.js';
// Types only: this module loads with the page, and the schemas (zod) load with the domains.
import type { Change, ExpiryDays, FileRef, Member } from '../../schema/index.js';
import { Connection, toBackendError } from './connection.js';
import { DB_VERSION, memberRecord, upgrade, type DorfDB, type FileRecord, type Store, type Tx } from './schema.js';

/** Options of `createLocalBackend`. */
export interface LocalBackendOptions {
  /** The community slug this backend serves. */
  community: string;
  /** IndexedDB database name; default `dorfplatz-<community>`. Backends sharing a name share data. */
  dbName?: string;
  /**
   * Who acts through this backend.
   * - `'visitor'` (default): this browser's visitor. Anonymous until `session.updateProfile`
   *   creates a local member profile (roles `['member']`), which then persists in the database.
   * - `{ member }`: a fixed identity for tests, stories and kiosks, e.g. an admin; `{ member: null }`
   *   acts as an anonymous visitor. Roles are taken as given: the data is the browser's own.
   */
  identity?: 'visitor' | { member: Member | null };
  /** The clock for everything time-based (expiry, lead time, "today" of a streak). */
  now?: () => Date;
  /** Lost & found: days an item stays on the board per type; default 183 found / 92 lost. */
  lostFound?: { expiryDays?: ExpiryDays };
  /** Time zone for calendar days (e.g. "a lost date may not lie in the future") until a seed sets the community's. */
  timeZone?: string;
  /** Storage tuning. */
  storage?: {
    /** How long a schema upgrade waits for other tabs to let go; default 3000 ms. */
    blockedTimeoutMs?: number;
    /** Transaction durability; default `'default'`. `'relaxed'` is faster and fine for demos. */
    durability?: 'default' | 'strict' | 'relaxed';
  };
}

export type ChangeDraft = Omit<Change, 'at'>;

type Listener = (change: Change) => void;

export class Core {
  readonly community: string;
  readonly dbName: string;
  readonly now: () => Date;
  private readonly connection: Connection<DorfDB>;
  private readonly durability: 'default' | 'strict' | 'relaxed';
  private identity: 'visitor' | { member: Member | null };
  private readonly fallbackTimeZone: string;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly channel: BroadcastChannel | null;
  private readonly fileRefs = new Map<string, FileRef>();
  private visitor: Promise<Member | null> | null = null;
  private signedOut = false;
  private registration: Promise<void> | null = null;

  constructor(options: LocalBackendOptions) {
    this.community = options.community;
    this.dbName = options.dbName ?? `dorfplatz-${options.community}`;
    this.now = options.now ?? (() => new Date());
    // A copy: `updateProfile` renames the fixed member without touching the caller's object.
    const identity = options.identity ?? 'visitor';
    this.identity = identity === 'visitor' ? identity : { member: identity.member && { ...identity.member, roles: [...identity.member.roles] } };
    this.fallbackTimeZone = options.timeZone ?? 'Europe/Berlin';
    this.durability = options.storage?.durability ?? 'default';
    this.connection = new Connection<DorfDB>({
      name: this.dbName,
      version: DB_VERSION,
      upgrade: (db, oldVersion, transaction) => upgrade(db, oldVersion, transaction),
      blockedTimeoutMs: options.storage?.blockedTimeoutMs ?? 3000,
    });
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`dorfplatz:${this.dbName}`) : null;
    this.channel?.addEventListener('message', (event: MessageEvent<Change>) => {
      if (typeof event.data?.topic !== 'string') return;
      if (event.data.topic === 'session') this.visitor = null;
      this.dispatch(event.data);
    });
  }

  /**
   * Opens the database and records a fixed identity in the members store, so others can find
   * the person (e.g. to award a badge) before they ever wrote anything.
   */
  ready(): Promise<void> {
    this.registration ??= (async () => {
      const db = await this.connection.get();
      const member = this.identity === 'visitor' ? null : this.identity.member;
      if (member) {
        const tx = db.transaction('members', 'readwrite', { durability: this.durability });
        await tx.store.put(memberRecord(member));
        await tx.done;
      }
    })().catch((error: unknown) => {
      this.registration = null;
      throw toBackendError(error);
    });
    return this.registration;
  }

  private async transaction<Mode extends 'readonly' | 'readwrite'>(stores: Store[], mode: Mode): Promise<Tx<Mode>> {
    await this.ready();
    for (let attempt = 0; ; attempt++) {
      const db = await this.connection.get();
      try {
        return db.transaction(stores, mode, { durability: this.durability }) as unknown as Tx<Mode>;
      } catch (error) {
        // Closed under us (another tab upgraded): reopen once, which reports why if it cannot.
        if (attempt === 0 && error instanceof DOMException && error.name === 'InvalidStateError') {
          this.connection.reset(db);
          continue;
        }
        throw error;
      }
    }
  }

  /** Runs `body` in a read-only transaction. */
  async read<T>(stores: Store[], body: (tx: Tx<'readonly'>) => Promise<T>): Promise<T> {
    try {
      const tx = await this.transaction(stores, 'readonly');
      tx.done.catch(() => undefined);
      return await body(tx);
    } catch (error) {
      throw toBackendError(error);
    }
  }

  /**
   * Runs `body` in one read-write transaction: everything or nothing. `body` may only await
   * IndexedDB requests (anything else lets the transaction commit half-way); an error thrown
   * from it aborts the transaction. Changes pushed to `changes` are announced after the commit.
   */
  async write<T>(stores: Store[], body: (tx: Tx<'readwrite'>, changes: ChangeDraft[]) => Promise<T>): Promise<T> {
    let tx: Tx<'readwrite'> | undefined;
    try {
      tx = await this.transaction(stores, 'readwrite');
      const changes: ChangeDraft[] = [];
      const result = await body(tx, changes);
      await tx.done;
      this.announce(changes);
      return result;
    } catch (error) {
      if (tx) {
        tx.done.catch(() => undefined);
        try {
          tx.abort();
        } catch {
          // Already finished or aborting.
        }
      }
      throw toBackendError(error);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Identity

  /** The acting member, or `null` for an anonymous visitor. */
  async actor(): Promise<Member | null> {
    if (this.signedOut) return null;
    if (this.identity !== 'visitor') return this.identity.member;
    this.visitor ??= this.read(['meta'], async (tx) => {
      const record = await tx.objectStore('meta').get('visitor');
      const visitor = record?.key === 'visitor' ? record.value : null;
      return visitor?.displayName ? { id: visitor.id, displayName: visitor.displayName, roles: ['member' as const] } : null;
    }).catch((error: unknown) => {
      this.visitor = null;
      throw error;
    });
    return this.visitor;
  }

  /** The acting member; anonymous visitors get `forbidden` with `session.profileRequired`. */
  async member(): Promise<Member> {
    const member = await this.actor();
    if (!member) throw forbidden('session.profileRequired');
    return member;
  }

  get usesVisitor(): boolean {
    return this.identity === 'visitor';
  }

  get fixedMember(): Member | null {
    return this.identity === 'visitor' ? null : this.identity.member;
  }

  setFixedMember(member: Member): void {
    if (this.identity !== 'visitor') this.identity = { member };
  }

  setSignedOut(signedOut: boolean): void {
    this.signedOut = signedOut;
    this.visitor = null;
  }

  /** The community's time zone: from the seeded community, else the option, else Europe/Berlin. */
  timeZone(): Promise<string> {
    return this.read(['meta'], async (tx) => {
      const record = await tx.objectStore('meta').get('community');
      return record?.key === 'community' ? record.value.timeZone : this.fallbackTimeZone;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Files

  /** A stored file as readers see it; the object URL is created once per file and revoked on close. */
  fileRef(record: FileRecord): FileRef {
    let ref = this.fileRefs.get(record.id);
    if (!ref) {
      ref = { id: record.id, kind: record.kind, name: record.name, type: record.type, size: record.size, url: URL.createObjectURL(record.blob) };
      if (record.width !== undefined) ref.width = record.width;
      if (record.height !== undefined) ref.height = record.height;
      this.fileRefs.set(record.id, ref);
    }
    return { ...ref };
  }

  /** File refs for ids, in order, skipping files that no longer exist. Reads only uncached files. */
  async fileRefsFor(tx: Tx, ids: readonly string[]): Promise<FileRef[]> {
    const refs = await Promise.all(ids.map(async (id) => {
      const cached = this.fileRefs.get(id);
      if (cached) return { ...cached };
      const record = await tx.objectStore('files').get(id);
      return record ? this.fileRef(record) : null;
    }));
    return refs.filter((ref): ref is FileRef => ref !== null);
  }

  // -------------------------------------------------------------------------------------------
  // Live changes

  subscribe(topic: Topic, listener: Listener): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Tells this instance's listeners and, unless `localOnly`, every other instance on the
   * database through the channel.
   */
  announce(drafts: ChangeDraft[], localOnly = false): void {
    const at = this.now().toISOString();
    for (const draft of drafts) {
      const change: Change = { topic: draft.topic, kind: draft.kind, entity: draft.entity, id: draft.id, at };
      if (change.topic === 'session') this.visitor = null;
      this.dispatch(change);
      if (!localOnly) this.channel?.postMessage(change);
    }
  }

  private dispatch(change: Change): void {
    for (const listener of [...(this.listeners.get(change.topic) ?? [])]) {
      try {
        listener(change);
      } catch (error) {
        // One broken listener must not silence the others.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  close(): void {
    this.connection.close();
    this.channel?.close();
    this.listeners.clear();
    for (const ref of this.fileRefs.values()) URL.revokeObjectURL(ref.url);
    this.fileRefs.clear();
  }
}
