/**
 * The route framework: every route declares its params, query, body and response schemas
 * (the contract's zod schemas), which validate requests here and generate `/openapi.json`.
 */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { parse } from '../../src/data/backend.js';
import type { Member } from '../../src/data/schema/index.js';
import type { Database, Sql } from './db.js';
import type { ChangeDraft } from './changes.js';
import { BadRequest } from './errors.js';
import type { SignInGuard } from './sign-in-guard.js';

export type Schema = z.core.$ZodType;

export interface CommunityRow {
  id: string;
  name: string;
  time_zone: string;
  locale: 'de' | 'en';
  secret: string;
  origins: string[];
}

export interface Services {
  db: Database;
  now(): Date;
  /** Absolute or root-relative base for URLs the server hands out (files). */
  basePath: string;
  /** Password brute-force protection (per account and per client). */
  signInGuard: SignInGuard;
  /** Whether e-mails are queued (SMTP is configured; `mail.ts`). */
  mail: boolean;
}

export interface Ctx<B = unknown, Q = unknown> {
  services: Services;
  community: CommunityRow;
  /** The acting member, `null` for an anonymous visitor. */
  member: Member | null;
  /** The client's key: its network, hashed with today's salt (`rate-limit.ts`); never an address. */
  client: string;
  params: Record<string, string>;
  query: Q;
  body: B;
  header(name: string): string | undefined;
  /** The domain clock (settable in tests). */
  now: Date;
  /** Runs `body` in one transaction; changes pushed to `changes` are announced on commit. */
  write<T>(body: (tx: Sql, changes: ChangeDraft[]) => Promise<T>): Promise<T>;
  /** Reads outside a transaction. */
  db: Sql;
  /** The raw request (file uploads). */
  raw: Context;
}

export interface Route<B = any, Q = any> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Below `/c/:community`, hono syntax (`/feed/posts/:postId`). */
  path: string;
  summary: string;
  tag: string;
  params?: Record<string, Schema>;
  query?: Schema;
  body?: Schema;
  /** Byte limit of a JSON body; default `JSON_LIMIT`. */
  bodyLimit?: number;
  /** Raw body instead of JSON (file uploads), with its byte limit. */
  rawBody?: { limit: number; contentTypes: readonly string[] };
  response?: Schema;
  /** Custom response (files, event streams). */
  raw?: boolean;
  /** The media type of a custom response, for `/openapi.json` (e.g. `text/calendar`). */
  produces?: string;
  handler(ctx: Ctx<B, Q>): Promise<unknown>;
}

export const JSON_LIMIT = 256 * 1024;

/** Reads the body with a byte limit, without trusting Content-Length. */
export async function readBody(c: Context, limit: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BadRequest(`The body is larger than ${limit} bytes.`, 413);
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BadRequest(`The body is larger than ${limit} bytes.`, 413);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export async function readJson(c: Context, limit = JSON_LIMIT): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new BadRequest('Send the body as application/json.', 415);
  const bytes = await readBody(c, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequest('The body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('The body is not valid JSON.');
  }
}

/** Query strings carry strings; the schemas want numbers for `limit`. */
export function coerceQuery(query: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    out[key] = key === 'limit' && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}

export function parseParams(route: Route, params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  // Like the local adapter's `parse(Slug, groupId)`: an issue about the whole argument (path '').
  for (const [name, schema] of Object.entries(route.params ?? {})) out[name] = parse(schema, params[name]) as string;
  return out;
}

