/**
 * A cookie-free proof-of-work gate for anonymous writes, in the style of ALTCHA: the server
 * hands out a challenge `SHA-256(salt + n)` for a secret random `n ≤ maxNumber`, signed with an
 * HMAC of the community's secret; the client finds `n` by trying (about `maxNumber / 2` hashes,
 * a second or so in a browser) and sends it back in the `X-Dorf-Proof` header. The server checks
 * the signature, the hash and the expiry (in the salt, so it is covered by the hash) and accepts
 * each solution once. Nothing is stored until a solution arrives, and then only until it expires.
 *
 * The client's solver: `src/data/adapters/http/proof-of-work.ts`.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { BackendError } from '../../src/data/backend.js';

export const PROOF_HEADER = 'x-dorf-proof';
/** The default cost: about 50,000 hashes on average, a second or less in a browser. */
export const DEFAULT_POW_MAX_NUMBER = 100_000;
/** How long a challenge may be solved and used. */
export const CHALLENGE_SECONDS = 600;

export interface Challenge {
  algorithm: 'SHA-256';
  challenge: string;
  salt: string;
  maxNumber: number;
  signature: string;
}

export interface Solution {
  algorithm: 'SHA-256';
  challenge: string;
  salt: string;
  number: number;
  signature: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sign = (secret: string, community: string, challenge: string) =>
  createHmac('sha256', secret).update(`pow\u0000${community}\u0000${challenge}`).digest('hex');

const powError = (code: 'pow.required' | 'pow.invalid') =>
  new BackendError('forbidden', code === 'pow.required' ? 'Solve a proof-of-work challenge first.' : 'The proof of work is not valid.', {
    issues: [{ path: '', code }],
  });

export class ProofOfWork {
  /** Solutions already used, until they expire. */
  private readonly used = new Map<string, number>();

  constructor(readonly maxNumber: number) {}

  issue(secret: string, community: string, nowMs = Date.now()): Challenge {
    const expires = Math.floor(nowMs / 1000) + CHALLENGE_SECONDS;
    const salt = `${randomBytes(12).toString('hex')}?expires=${expires}`;
    const challenge = sha256(salt + randomInt(0, this.maxNumber + 1));
    return { algorithm: 'SHA-256', challenge, salt, maxNumber: this.maxNumber, signature: sign(secret, community, challenge) };
  }

  /** Accepts the header value once, or throws `forbidden` with `pow.required` / `pow.invalid`. */
  verify(header: string | undefined, secret: string, community: string, nowMs = Date.now()): void {
    if (!header) throw powError('pow.required');
    let s: Partial<Solution>;
    try {
      s = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as Partial<Solution>;
    } catch {
      throw powError('pow.invalid');
    }
    if (
      !s || s.algorithm !== 'SHA-256' || typeof s.challenge !== 'string' || !/^[0-9a-f]{64}$/.test(s.challenge) ||
      typeof s.salt !== 'string' || s.salt.length > 100 || typeof s.signature !== 'string' || !/^[0-9a-f]{64}$/.test(s.signature) ||
      !Number.isSafeInteger(s.number) || s.number! < 0 || s.number! > this.maxNumber
    ) {
      throw powError('pow.invalid');
    }
    const expires = Number(/[?&]expires=(\d+)$/.exec(s.salt)?.[1] ?? NaN);
    if (!(expires * 1000 > nowMs)) throw powError('pow.required');
    const expected = Buffer.from(sign(secret, community, s.challenge), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(s.signature, 'hex'))) throw powError('pow.invalid');
    if (sha256(s.salt + s.number) !== s.challenge) throw powError('pow.invalid');
    const key = `${community}\u0000${s.challenge}`;
    if (this.used.has(key)) throw powError('pow.required');
    this.used.set(key, expires * 1000);
    if (this.used.size > 10_000) for (const [k, until] of this.used) if (until <= nowMs) this.used.delete(k);
  }
}
