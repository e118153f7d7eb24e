/**
 * Identity: tokens and passwords. No cookies, ever: tokens travel in `Authorization: Bearer`.
 *
 * A token is `base64url(JSON payload) "." base64url(HMAC-SHA256(secret, first part))`, signed
 * with the community's secret. The host site signs member tokens (see README for PHP and Node
 * snippets); the server signs the tokens it hands to moderators and admins after a password
 * sign-in the same way.
 */
import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import * as z from 'zod/mini';
import { Id, line, Role, Slug } from '../../src/data/schema/index.js';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;

export const TokenPayload = z.object({
  /** Community id. */
  c: Slug,
  /** Member id. */
  sub: Id,
  name: line(1, 60),
  roles: z.array(Role).check(z.maxLength(3)),
  /** Expiry, seconds since the epoch. */
  exp: z.int(),
  /** `staff` for tokens the server issued after a password sign-in. */
  kind: z.optional(z.enum(['member', 'staff'])),
});
export type TokenPayload = z.infer<typeof TokenPayload>;

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export function signToken(payload: TokenPayload, secret: string): string {
  const body = b64(JSON.stringify(payload));
  const mac = createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${mac}`;
}

/** The payload of a valid, unexpired token for `community`, or `null`. */
export function verifyToken(token: string, secret: string, community: string, nowSeconds: number): TokenPayload | null {
  if (token.length > 4096) return null;
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const body = token.slice(0, dot);
  const mac = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = createHmac('sha256', secret).update(body).digest();
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = TokenPayload.safeParse(json);
  if (!parsed.success) return null;
  if (parsed.data.c !== community || parsed.data.exp <= nowSeconds) return null;
  return parsed.data;
}

const SCRYPT = { N: 16384, r: 8, p: 1 };

/** `scrypt$N$r$p$salt$hash`, all base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password.normalize('NFC'), salt, 32, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}
