/**
 * Test support: a server on loopback over PGlite (in memory) or PostgreSQL, with a settable
 * clock, and a contract harness that hands out HTTP adapters acting as the kit's actors.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createHttpBackend } from '../../src/data/adapters/http/index.js';
import type { Backend } from '../../src/data/backend.js';
import type { Actor, ContractHarness } from '../../src/data/contract/index.js';
import type { Role } from '../../src/data/schema/index.js';
import { createServer, type DorfServer, type ServerOptions } from '../src/app.js';
import { signToken } from '../src/auth.js';
import { addCommunity, addStaff } from '../src/communities.js';
import { openPglite, openPostgres, type Database } from '../src/db.js';
import { migrate } from '../src/migrate.js';
import type { RateLimits } from '../src/rate-limit.js';

export const ROLES: Record<Exclude<Actor['kind'], 'anonymous'>, Role[]> = {
  member: ['member'],
  moderator: ['member', 'moderator'],
  admin: ['member', 'moderator', 'admin'],
};

/** The PostgreSQL URL for tests, if any. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '';

export interface Running {
  url: string;
  db: Database;
  server: DorfServer;
  /** `null` = real time. */
  setNow(iso: string | null): void;
  /** Cuts every open connection (event streams included), as a proxy restart would. */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function openTestDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  const db = kind === 'pglite' ? await openPglite() : await openPostgres(POSTGRES_URL, { max: 30 });
  await migrate(db);
  return db;
}

/** Starts a server on 127.0.0.1 (random port) over `db`. */
export async function startServer(
  db: Database,
  options: { ownsDb?: boolean; rateLimits?: Partial<RateLimits>; server?: Omit<ServerOptions, 'db' | 'now' | 'rateLimits'> } = {},
): Promise<Running> {
  let fixed: number | null = null;
  // Every test request comes from 127.0.0.1: limits are off unless a test asks for them.
  const rateLimits = { anonymousWritesPerMinute: 0, signInsPerMinute: 0, memberWritesPerMinute: 0, readsPerMinute: 0, ...options.rateLimits };
  const server = await createServer({ db, now: () => new Date(fixed ?? Date.now()), keepAliveMs: 2000, ...options.server, rateLimits });
  const http: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: server.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    server,
    setNow(iso) {
      fixed = iso === null ? null : Date.parse(iso);
    },
    dropConnections() {
      (http as unknown as { closeAllConnections(): void }).closeAllConnections();
    },
    async close() {
      (http as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
      if (options.ownsDb) await db.close();
    },
  };
}

export async function createCommunity(db: Database, id: string, secret = randomUUID() + randomUUID()) {
  await addCommunity(db, { id, name: `Kit ${id}`, timeZone: 'Europe/Berlin', locale: 'de', origins: ['*'], secret });
  return secret;
}

export function memberToken(community: string, secret: string, actor: Actor): string {
  if (actor.kind === 'anonymous') throw new Error('anonymous visitors have no token');
  return signToken({
    c: community, sub: actor.memberId ?? randomUUID(), name: actor.displayName ?? `Kit ${actor.kind}`, roles: ROLES[actor.kind],
    exp: Math.floor(Date.now() / 1000) + 3600,
  }, secret);
}

/** The contract harness: one community per test on a shared server. */
export function httpHarness(name: string, running: () => Running): ContractHarness {
  let community = '';
  let secret = '';
  const opened: Backend[] = [];
  return {
    name,
    async setup(c) {
      community = c;
      secret = await createCommunity(running().db, c);
    },
    async as(actor) {
      const token = actor.kind === 'anonymous' ? null : memberToken(community, secret, actor);
      const backend = createHttpBackend({ baseUrl: running().url, community, token, retries: 1 });
      opened.push(backend);
      // A member's first visit (widgets read the session on load) makes them known to the
      // server, e.g. so a moderator can invite them or award them a badge.
      if (token) await backend.session.current();
      return backend;
    },
    async setNow(iso) {
      running().setNow(iso);
    },
    async teardown() {
      for (const backend of opened.splice(0)) backend.close();
    },
    async credentials(kind) {
      const username = `${kind}-${randomUUID().slice(0, 8)}`;
      const password = randomUUID();
      await addStaff(running().db, community, { username, password, roles: ROLES[kind], displayName: `Kit ${kind}` });
      return { username, password };
    },
    async memberToken(actor) {
      return memberToken(community, secret, actor);
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** A raw HTTP call (for protocol-level tests that must see statuses and headers). */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; raw?: BodyInit; type?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  if (options.type) headers['Content-Type'] = options.type;
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Every row count of every table: "nothing was written" is "no count changed". */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const tables = await db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename");
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    counts[tablename] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tablename}`))[0]!.n;
  }
  return counts;
}

/** Declares `body` once per available database; PostgreSQL is skipped with a printed reason. */
export function onEachDatabase(title: string, body: (kind: 'pglite' | 'postgres', label: string) => void): void {
  body('pglite', `${title} (PGlite)`);
  if (POSTGRES_URL) body('postgres', `${title} (PostgreSQL)`);
  else console.log(`# ${title} on PostgreSQL skipped: set TEST_DATABASE_URL (or DATABASE_URL) to run it.`);
}
