/**
 * What a widget may ask of the HTTP adapter's outbox: the writes that wait to be sent (made
 * offline or during an outage) and the ones the server refused on delivery, with a way to send
 * them again or let them go. Types and one guard only: importing this module loads no adapter code.
 *
 * ```ts
 * const outbox = outboxOf(backend);             // null for backends without one (the local adapter)
 * const stop = outbox?.subscribe((event) => { if (event.type === 'failed') show(event.entry); });
 * for (const entry of (await outbox?.list()) ?? []) …
 * ```
 */
import type { Backend, BackendErrorCode, BackendErrorDetails } from '../../backend.js';

/**
 * Where queued writes are kept. `session`: for this tab only (sessionStorage, or memory where that
 * is unavailable); they survive a reload of the tab, not its closing. `persistent`: IndexedDB; they
 * survive closing the browser and are sent on the next visit.
 */
export type OutboxStorage = 'session' | 'persistent';

/** The contract method a queued write came from, e.g. `feed.createPost` or `bookings.request`. */
export type OutboxOperation =
  | 'session.updateProfile'
  | 'feed.createPost'
  | 'feed.addComment'
  | 'feed.react'
  | 'feed.commit'
  | 'feed.report'
  | 'bookings.request'
  | 'lostFound.report'
  | 'lostFound.contact'
  | 'lostFound.reportAbuse'
  | 'learning.completeStep'
  | 'learning.checkIn'
  | 'badges.award';

/** The server's answer to a write it refused, as `BackendError.toJSON()` gives it. */
export interface OutboxRefusal {
  readonly code: BackendErrorCode;
  readonly message: string;
  readonly details: BackendErrorDetails;
}

export interface OutboxEntry {
  /** The write's idempotency key: the record id of the input (or a generated one); `BackendError.details.queuedId`. */
  readonly key: string;
  readonly operation: OutboxOperation;
  /** The input exactly as the widget gave it (to show what is waiting: a title, the dates). */
  readonly input: unknown;
  /** ISO time it was queued. */
  readonly queuedAt: string;
  /** Delivery attempts that met an outage so far. */
  readonly attempts: number;
  /**
   * `pending`: waits for the connection and is sent by itself. `failed`: the server refused it on
   * delivery (`refusal` says why); it stays until the visitor sends it again (`retry`) or lets it go (`discard`).
   */
  readonly state: 'pending' | 'failed';
  readonly refusal: OutboxRefusal | null;
}

export type OutboxEvent =
  | { readonly type: 'queued'; readonly entry: OutboxEntry }
  /** `result` is what the call would have returned (a post, a booking receipt with its manage token…). */
  | { readonly type: 'delivered'; readonly entry: OutboxEntry; readonly result: unknown }
  | { readonly type: 'failed'; readonly entry: OutboxEntry }
  | { readonly type: 'discarded'; readonly entry: OutboxEntry };

export interface OutboxApi {
  readonly storage: OutboxStorage;
  /** Waiting and refused writes, oldest first. */
  list(): Promise<OutboxEntry[]>;
  /** Tries to send what waits now (also happens by itself: back online, with backoff, on the next page load). */
  flush(): Promise<void>;
  /** Sends a refused write again (e.g. after the visitor fixed a conflict elsewhere), or a waiting one now. */
  retry(key: string): Promise<void>;
  /** Lets a waiting or refused write go; it is never sent. */
  discard(key: string): Promise<void>;
  /** Every change of the outbox; returns the function that ends the subscription. */
  subscribe(listener: (event: OutboxEvent) => void): () => void;
}

/** The outbox of a backend that has one (the HTTP adapter), else `null`. */
export function outboxOf(backend: Backend | null | undefined): OutboxApi | null {
  const outbox = (backend as (Backend & { outbox?: OutboxApi }) | null | undefined)?.outbox;
  return outbox && typeof outbox.list === 'function' && typeof outbox.subscribe === 'function' ? outbox : null;
}
