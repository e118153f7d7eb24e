/**
 * The HTTP adapter's outbox: a write that meets an outage (offline, no answer in time, a 5xx) is
 * kept, and the call rejects with `BackendError('queued')` (widgets say "not sent yet"). It is
 * sent by itself when the connection is back (`online` event), on a timer with backoff, and on the
 * next page load.
 *
 * Exactly once on the server: a queued write keeps its idempotency key (the record id of its
 * input), and the server answers a repeated id with the first result instead of a second record.
 * So a delivery that reached the server but whose answer was lost, or one repeated after a reload
 * mid-delivery, creates nothing new. An entry leaves the outbox only after the server answered
 * it. Across tabs (and adapter instances on the same storage) one delivers at a time
 * (`navigator.locks`); the others leave it to that one.
 *
 * Nothing silently vanishes: a write the server refuses on delivery (a booking that now
 * overlaps, a validation error, no permission) stays as `failed` with the server's answer, is
 * announced to `subscribe` listeners, and waits until the visitor sends it again or discards it.
 */
import type * as z from 'zod/mini';
import { BackendError } from '../../backend.js';
import { isOutage, type Call, type HttpClient } from './client.js';
import type { OutboxApi, OutboxEntry, OutboxEvent, OutboxOperation, OutboxStorage } from './outbox-api.js';
import { IndexedDbStore, sessionOrMemory, type OutboxStore, type StoredEntry } from './outbox-store.js';

export interface OutboxOptions {
  client: HttpClient;
  storage: OutboxStorage;
  /** Names the storage (IndexedDB database, sessionStorage item, lock), unique per server and community. */
  name: string;
  /** Who acts now (member id from the token, or `anonymous`); a write is only sent as whoever queued it. */
  owner: () => string;
  /** Response schema of each operation, to validate what a delivery returns. */
  schemas: Partial<Record<OutboxOperation, z.core.$ZodType>>;
  /** Post-processing of a delivered result (absolute file URLs). */
  finish?: (result: unknown) => unknown;
  /** Delay before the first retry after an outage and the longest one; default 2 s and 5 min. */
  retryMs?: { min: number; max: number };
  /** A ready store (tests: a wrapped store that fails on purpose). */
  store?: OutboxStore;
}

const publicOf = ({ key, operation, input, queuedAt, attempts, state, refusal }: StoredEntry): OutboxEntry => ({
  key, operation, input, queuedAt, attempts, state, refusal,
});

let lastSeq = 0;
/** Queue time in ms, strictly increasing within the page. */
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now());
  return lastSeq;
}

/** A per-tab id (kept in sessionStorage) so the session outbox's lock is this tab's alone. */
function tabId(): string {
  try {
    const storage = globalThis.sessionStorage;
    let id = storage.getItem('dorfplatz-tab');
    if (!id) storage.setItem('dorfplatz-tab', (id = crypto.randomUUID()));
    return id;
  } catch {
    return crypto.randomUUID();
  }
}

export class Outbox implements OutboxApi {
  readonly storage: OutboxStorage;
  private store: OutboxStore;
  /** Named on first delivery (a session outbox's name holds a per-tab id kept in sessionStorage). */
  private lockName: string | null = null;
  private readonly listeners = new Set<(event: OutboxEvent) => void>();
  private readonly controller = new AbortController();
  private readonly min: number;
  private readonly max: number;
  private delay: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  /** `false` only when the outbox is known to be empty (skips storage on every direct write). */
  private mayHold = true;
  private queuedHere = false;
  private readonly onOnline = () => {
    this.delay = this.min;
    void this.flush();
  };

  constructor(private readonly options: OutboxOptions) {
    this.storage = options.storage;
    this.min = options.retryMs?.min ?? 2000;
    this.max = options.retryMs?.max ?? 5 * 60_000;
    this.delay = this.min;
    this.store =
      options.store ??
      (options.storage === 'persistent' && typeof indexedDB !== 'undefined'
        ? new IndexedDbStore(`dorfplatz-outbox-${options.name}`)
        : sessionOrMemory(`dorfplatz-outbox:${options.name}`));
    globalThis.addEventListener?.('online', this.onOnline);
    // What an earlier page (or a reload mid-delivery) left behind goes out now.
    void this.store.maybeNonEmpty().then(
      (yes) => {
        if (yes) void this.flush();
        // (Unless a write was queued meanwhile.)
        else if (!this.queuedHere) this.mayHold = false;
      },
      () => undefined,
    );
  }

  private lockNameOf(store: OutboxStore): string {
    const base = `dorfplatz-outbox:${this.options.name}`;
    if (store.kind === 'persistent') return base;
    return store.kind === 'session' ? `${base}:${tabId()}` : `${base}:${crypto.randomUUID()}`;
  }

  /** Keeps a write that met an outage; returns the `queued` error the call rejects with. */
  async enqueue(operation: OutboxOperation, call: StoredEntry['call'], input: unknown, key: string): Promise<BackendError> {
    const entry: StoredEntry = {
      key, operation, input, queuedAt: new Date().toISOString(), attempts: 0, state: 'pending', refusal: null,
      seq: nextSeq(), owner: this.options.owner(), call,
    };
    try {
      await this.store.put(entry);
    } catch (error) {
      // Persistent storage is not allowed here (private window): keep it for this tab instead.
      if (!(this.store.kind === 'persistent' && BackendError.is(error) && error.issues[0]?.code === 'storage.unavailable')) throw error;
      this.store.close();
      this.store = sessionOrMemory(`dorfplatz-outbox:${this.options.name}`);
      this.lockName = null;
      await this.store.put(entry);
    }
    this.mayHold = true;
    this.queuedHere = true;
    this.emit({ type: 'queued', entry: publicOf(entry) });
    this.schedule(this.delay);
    return new BackendError('queued', 'Saved on this device: it is sent when the connection is back.', { queuedId: key });
  }

  /** A direct write went through: a copy of it waiting here is done too. */
  async settled(key: string): Promise<void> {
    if (!this.mayHold || this.closed) return;
    await this.store.remove(key).catch(() => undefined);
  }

  async list(): Promise<OutboxEntry[]> {
    if (!this.mayHold) return [];
    const owner = this.options.owner();
    return (await this.store.list()).filter((e) => e.owner === owner).map(publicOf);
  }

  flush(): Promise<void> {
    if (this.closed) return Promise.resolve();
    // Offline nothing can go out: the `online` event (or the next timer) tries again.
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      if (this.mayHold) this.schedule(this.delay);
      return Promise.resolve();
    }
    if (this.running) {
      this.again = true;
      return this.running;
    }
    clearTimeout(this.timer);
    this.timerAt = Infinity;
    this.running = this.locked()
      .catch(() => this.schedule(this.delay))
      .finally(() => {
        this.running = null;
        if (this.again && !this.closed) {
          this.again = false;
          void this.flush();
        }
      });
    return this.running;
  }

  async retry(key: string): Promise<void> {
    const entry = (await this.store.list()).find((e) => e.key === key && e.owner === this.options.owner());
    if (!entry) return;
    await this.store.put({ ...entry, state: 'pending', refusal: null, attempts: 0 });
    this.delay = this.min;
    await this.flush();
  }

  async discard(key: string): Promise<void> {
    const entry = (await this.store.list()).find((e) => e.key === key && e.owner === this.options.owner());
    if (!entry) return;
    await this.store.remove(key);
    this.emit({ type: 'discarded', entry: publicOf(entry) });
  }

  subscribe(listener: (event: OutboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.controller.abort();
    clearTimeout(this.timer);
    globalThis.removeEventListener?.('online', this.onOnline);
    this.listeners.clear();
    this.store.close();
  }

  private emit(event: OutboxEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  /** Sends again after `ms` unless an earlier try is already planned. */
  private schedule(ms: number): void {
    if (this.closed) return;
    const at = Date.now() + ms;
    if (this.timerAt <= at) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    // Jitter, so tabs and visitors coming back at once do not all knock at the same moment.
    this.timer = setTimeout(() => {
      this.timerAt = Infinity;
      void this.flush();
    }, ms / 2 + Math.random() * (ms / 2));
  }

  /** Delivers while holding the lock; if another tab holds it, that tab delivers and this one looks again later. */
  private async locked(): Promise<void> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return this.drain();
    const signal = this.controller.signal;
    // Closing lets go of the lock at once, as a page that goes away does, even while a send is on the wire.
    const closing = new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
    this.lockName ??= this.lockNameOf(this.store);
    await locks.request(this.lockName, { ifAvailable: true }, async (lock) => {
      if (!lock) this.schedule(this.min);
      else await Promise.race([this.drain(), closing]);
    });
  }

  /** Sends the oldest waiting entries one by one until none is left or the connection fails. */
  private async drain(): Promise<void> {
    const signal = this.controller.signal;
    for (;;) {
      if (this.closed) return;
      const owner = this.options.owner();
      const entries = await this.store.list();
      this.mayHold = entries.length > 0;
      const next = entries.find((e) => e.state === 'pending' && e.owner === owner);
      if (!next) {
        this.delay = this.min;
        return;
      }
      let result: unknown;
      try {
        result = await this.options.client.send({
          ...(next.call as Call), schema: this.options.schemas[next.operation], retry: false, signal,
        });
      } catch (error) {
        if (this.closed) return;
        if (isOutage(error) || BackendError.is(error, 'rate-limited')) {
          await this.store.put({ ...next, attempts: next.attempts + 1 }).catch(() => undefined);
          const retryAfter = BackendError.is(error) ? error.details.retryAfter : undefined;
          this.schedule(retryAfter ? Math.max(retryAfter * 1000, this.delay) : this.delay);
          this.delay = Math.min(this.delay * 2, this.max);
          return;
        }
        const answer = BackendError.is(error) ? error : new BackendError('unavailable', String(error));
        const refused: StoredEntry = { ...next, state: 'failed', refusal: answer.toJSON() };
        await this.store.put(refused);
        this.emit({ type: 'failed', entry: publicOf(refused) });
        continue;
      }
      if (this.closed) return;
      await this.store.remove(next.key);
      this.emit({ type: 'delivered', entry: publicOf(next), result: this.options.finish ? this.options.finish(result) : result });
    }
  }
}
