/**
 * Abuse protection that needs no shared state: token buckets per route and client, and the
 * client key itself.
 *
 * - Clients are told apart by a key, never by a stored address: the address is truncated to its
 *   network (IPv4 /24, IPv6 /64, so one household or one phone's changing addresses count as one
 *   client) and hashed with a random salt that changes every UTC day and lives only in memory.
 *   Nothing in the process can map a key back to an address, and keys of different days cannot
 *   be linked.
 * - Limits are per community, route and client (anonymous visitors), per route and member
 *   (signed-in members), and for password sign-ins per client. Buckets live in this process: with
 *   several processes each enforces its own share, which bounds abuse well enough for a village
 *   website without shared state. The per-account sign-in lockout is in the database
 *   (`sign-in-guard.ts`), so it holds across processes.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { BackendError } from '../../src/data/backend.js';

export interface RateLimits {
  /** Anonymous writes per client, route and community per minute; 0 turns the limit off. */
  anonymousWritesPerMinute: number;
  /** Writes of one signed-in member per route and community per minute; 0 turns it off. */
  memberWritesPerMinute: number;
  /** Reads (and event-stream connects) per client, route and community per minute; 0: off. */
  readsPerMinute: number;
  /** Password sign-in attempts per client and community per minute; 0 turns it off. */
  signInsPerMinute: number;
  /**
   * Per-route overrides of the write limits, keyed `"<method> <path>"` as in `/openapi.json`
   * without `/c/{community}`, e.g. `{ "post /lost-found/items/:itemId/contact": 5 }`.
   */
  routes: Record<string, number>;
}

export const DEFAULT_LIMITS: RateLimits = {
  anonymousWritesPerMinute: 30,
  memberWritesPerMinute: 120,
  readsPerMinute: 1200,
  signInsPerMinute: 10,
  routes: {},
};

interface Bucket {
  tokens: number;
  at: number;
}

/** `rate-limited` with `retryAfter` seconds (sent as `Retry-After` with a 429). */
export function rateLimited(retryAfter: number, code?: string): BackendError {
  return new BackendError('rate-limited', 'Too many requests: try again later.', {
    retryAfter: Math.max(1, Math.ceil(retryAfter)),
    ...(code && { issues: [{ path: '', code, params: { seconds: Math.max(1, Math.ceil(retryAfter)) } }] }),
  });
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** Takes one token from `key`'s bucket of `perMinute`, or throws `rate-limited` with `retryAfter`. */
  take(key: string, perMinute: number, now = Date.now()): void {
    if (perMinute <= 0) return;
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * perMinute);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      throw rateLimited(((1 - bucket.tokens) * 60) / perMinute);
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 50_000) this.sweep(now);
  }

  /** Drops full buckets (clients not seen for a while). */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets) if (now - b.at > 120_000) this.buckets.delete(key);
  }
}

/**
 * The network an address belongs to: IPv4 `/24`, IPv6 `/64` (IPv4-mapped IPv6 counts as IPv4);
 * anything else as is (e.g. `unknown`).
 */
export function networkOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1]! : address;
  const version = isIP(ip);
  if (version === 4) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  if (version === 6) {
    const [head = '', tail = ''] = ip.split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    // An embedded IPv4 tail (`::1.2.3.4`) is two groups; only the first four groups matter.
    const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
    return `${groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(':')}::/64`;
  }
  return address;
}

/** Hashes networks with a salt that is replaced at every UTC midnight. */
export class ClientKeys {
  private day = -1;
  private salt = Buffer.alloc(0);

  /** The key of `address` today: a salted hash of its network (no address is kept, not even in memory). */
  key(address: string, now = Date.now()): string {
    const day = Math.floor(now / 86_400_000);
    if (day !== this.day) {
      this.day = day;
      this.salt = randomBytes(32);
    }
    return createHmac('sha256', this.salt).update(networkOf(address)).digest('base64url').slice(0, 22);
  }
}

/**
 * The address of the client: the socket's peer, or behind `trustedHops` reverse proxies the
 * entry those proxies appended to `X-Forwarded-For` (counted from the right: entries further left
 * come from the client and prove nothing).
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trustedHops: number): string {
  if (trustedHops > 0 && forwardedFor) {
    const entries = forwardedFor.split(',').map((s) => s.trim()).filter(Boolean);
    const entry = entries[Math.max(0, entries.length - trustedHops)];
    if (entry) return entry.replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  }
  return peer ?? 'unknown';
}
