/**
 * Stories only: an outbox for a local backend, so the "offline" stories show what the HTTP
 * adapter's outbox shows on a real site. Writes that the story state rejects with `queued`
 * (see `withState` in `.storybook/dorf-decorator.ts`) are kept here as waiting entries; `seed`
 * adds entries up front (a write the server refused on delivery, say). Nothing is ever sent.
 */
import type { OutboxApi, OutboxEntry, OutboxEvent, OutboxOperation } from '../src/data/adapters/http/outbox-api.js';
import { BackendError, type Backend } from '../src/data/backend.js';

const OPERATIONS = new Set<string>([
  'session.updateProfile', 'feed.createPost', 'feed.addComment', 'feed.react', 'feed.commit', 'feed.report', 'bookings.request',
  'lostFound.report', 'lostFound.contact', 'lostFound.reportAbuse', 'learning.completeStep', 'learning.checkIn', 'badges.award',
] satisfies OutboxOperation[]);

class StoryOutbox implements OutboxApi {
  readonly storage = 'session' as const;
  private entries: OutboxEntry[];
  private readonly listeners = new Set<(event: OutboxEvent) => void>();

  constructor(seed: OutboxEntry[]) {
    this.entries = [...seed];
  }

  private emit(event: OutboxEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  add(entry: OutboxEntry): void {
    this.entries = [...this.entries.filter((e) => e.key !== entry.key), entry];
    this.emit({ type: 'queued', entry });
  }

  async list(): Promise<OutboxEntry[]> {
    return [...this.entries];
  }

  async flush(): Promise<void> {}

  /** Still offline in a story: a refused write goes back to waiting. */
  async retry(key: string): Promise<void> {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry) return;
    const waiting: OutboxEntry = { ...entry, state: 'pending', refusal: null };
    this.entries = this.entries.map((e) => (e.key === key ? waiting : e));
    this.emit({ type: 'queued', entry: waiting });
  }

  async discard(key: string): Promise<void> {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry) return;
    this.entries = this.entries.filter((e) => e.key !== key);
    this.emit({ type: 'discarded', entry });
  }

  subscribe(listener: (event: OutboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The backend with an `outbox` that keeps every write rejected as `queued`, plus `seed`. */
export function withOutbox(backend: Backend, seed: OutboxEntry[] = []): Backend {
  const outbox = new StoryOutbox(seed);
  const domains = new Map<string, object>();
  const wrap = (domain: string, target: object) =>
    new Proxy(target, {
      get(t, method, receiver) {
        const value = Reflect.get(t, method, receiver);
        const operation = `${domain}.${String(method)}`;
        if (typeof value !== 'function' || !OPERATIONS.has(operation)) return value;
        return (...args: unknown[]) =>
          (value.apply(t, args) as Promise<unknown>).catch((error: unknown) => {
            if (BackendError.is(error, 'queued')) {
              const input = args[0] as { id?: string } | undefined;
              outbox.add({
                key: error.details.queuedId ?? input?.id ?? crypto.randomUUID(), operation: operation as OutboxOperation, input,
                queuedAt: new Date().toISOString(), attempts: 0, state: 'pending', refusal: null,
              });
            }
            throw error;
          });
      },
    });
  return new Proxy(backend, {
    get(t, key, receiver) {
      if (key === 'outbox') return outbox;
      const value = Reflect.get(t, key, receiver);
      if (typeof key !== 'string' || typeof value !== 'object' || value === null || !/^(session|feed|bookings|lostFound|learning|badges)$/.test(key)) {
        return typeof value === 'function' ? value.bind(t) : value;
      }
      let proxy = domains.get(key);
      if (!proxy) domains.set(key, (proxy = wrap(key, value)));
      return proxy;
    },
  });
}

/** A waiting entry as the outbox lists it. */
export function pendingEntry(operation: OutboxOperation, input: unknown, minutesAgo = 5): OutboxEntry {
  return {
    key: (input as { id?: string }).id ?? crypto.randomUUID(), operation, input,
    queuedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(), attempts: 2, state: 'pending', refusal: null,
  };
}

/** An entry the server refused on delivery, with its answer. */
export function refusedEntry(operation: OutboxOperation, input: unknown, refusal: OutboxEntry['refusal'], minutesAgo = 30): OutboxEntry {
  return { ...pendingEntry(operation, input, minutesAgo), attempts: 0, state: 'failed', refusal };
}
