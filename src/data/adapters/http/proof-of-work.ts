/**
 * The client half of the server's proof-of-work gate for anonymous writes (ALTCHA-style, no
 * cookies, no third party): fetch a challenge, find the number `n ≤ maxNumber` with
 * `SHA-256(salt + n) = challenge` by trying, and send the solution in the `X-Dorf-Proof` header.
 * The server (`server/src/proof-of-work.ts`) answers an anonymous write without a valid proof
 * with 403 and the issue code `pow.required` or `pow.invalid`; a client then solves a challenge
 * and sends the write once more.
 *
 * Hashing uses Web Crypto (`crypto.subtle`, in browsers and Node), in batches, yielding to the
 * event loop between batches so the page stays responsive; `signal` stops it.
 */
import * as z from 'zod/mini';

/** The header that carries a solution. */
export const PROOF_HEADER = 'X-Dorf-Proof';

/** Issue codes with which the server asks for a (new) proof. */
export const PROOF_CODES: readonly string[] = ['pow.required', 'pow.invalid'];

/** `GET /c/<community>/pow/challenge`. */
export const ProofChallenge = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  salt: z.string().check(z.maxLength(100)),
  maxNumber: z.int().check(z.minimum(1), z.maximum(10_000_000)),
  signature: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type ProofChallenge = z.infer<typeof ProofChallenge>;

const BATCH = 2000;
const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The number that solves `challenge`, or `null` if none in `0…maxNumber` does (a forged or
 * corrupted challenge). Rejects with the signal's reason when aborted.
 */
export async function solveChallenge(challenge: ProofChallenge, signal?: AbortSignal): Promise<number | null> {
  const encoder = new TextEncoder();
  for (let start = 0; start <= challenge.maxNumber; start += BATCH) {
    signal?.throwIfAborted();
    const end = Math.min(challenge.maxNumber, start + BATCH - 1);
    const hashes = await Promise.all(
      Array.from({ length: end - start + 1 }, (_, i) => crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + (start + i)))),
    );
    const found = hashes.findIndex((h) => hex(h) === challenge.challenge);
    if (found >= 0) return start + found;
    // Let rendering and input run between batches.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return null;
}

/** The `X-Dorf-Proof` header value for a solved challenge. */
export function proofHeader(challenge: ProofChallenge, number: number): string {
  const json = JSON.stringify({ algorithm: challenge.algorithm, challenge: challenge.challenge, salt: challenge.salt, number, signature: challenge.signature });
  return btoa(json);
}

/**
 * Fetches a challenge with `load` (e.g. the HTTP client's `send` of `GET /pow/challenge`) and
 * returns the header value that proves the work, or `null` when the challenge has no solution.
 */
export async function proveWork(load: () => Promise<unknown>, signal?: AbortSignal): Promise<string | null> {
  const challenge = ProofChallenge.parse(await load());
  const number = await solveChallenge(challenge, signal);
  return number === null ? null : proofHeader(challenge, number);
}

/** Whether a failed write asks for a proof of work (then solve one and send the write again). */
export function needsProof(error: unknown): boolean {
  const issues = (error as { details?: { issues?: { code?: string }[] } } | null)?.details?.issues ?? [];
  return (error as { code?: string } | null)?.code === 'forbidden' && issues.some((i) => PROOF_CODES.includes(i.code ?? ''));
}
