/**
 * Rate limits for what anonymous visitors may do (report an item, request a booking, contact a
 * reporter) and for password sign-in attempts: token buckets per community and client address,
 * kept in this process. With several processes each enforces its own share, which bounds abuse
 * well enough for a village website without shared state.
 */
import { BackendError } from '../../src/data/backend.js';

export interface RateLimits {
  /** Anonymous writes per client address and community per minute; 0 turns the limit off. */
  anonymousWritesPerMinute: number;
  /** Password sign-in attempts per client address and community per minute; 0 turns it off. */
  signInsPerMinute: number;
}

export const DEFAULT_LIMITS: RateLimits = { anonymousWritesPerMinute: 30, signInsPerMinute: 10 };

interface Bucket {
  tokens: number;
  at: number;
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
      const retryAfter = Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / perMinute));
      throw new BackendError('rate-limited', 'Too many requests: try again later.', { retryAfter });
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
