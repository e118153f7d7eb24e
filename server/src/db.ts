/**
 * Storage: one SQL dialect (PostgreSQL), two drivers.
 *
 * - PGlite (embedded PostgreSQL in WebAssembly), persisted to a data folder: the default, so
 *   `dorfplatz-server` needs no database server.
 * - `pg` Pool against a real PostgreSQL when `DATABASE_URL` is set: any number of stateless
 *   server processes share it, live changes travel through LISTEN/NOTIFY.
 *
 * Both drivers expose the same small interface; every query is plain PostgreSQL.
 */
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import pg from 'pg';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
}

export interface Database extends Sql {
  readonly driver: 'pglite' | 'postgres';
  /** Runs `body` in one transaction (READ COMMITTED); an error rolls everything back. */
  transaction<T>(body: (tx: Sql) => Promise<T>): Promise<T>;
  /** Subscribes to `NOTIFY channel`; returns the function that ends the subscription. */
  listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** PostgreSQL error codes the server maps to contract errors. */
export const PG = {
  uniqueViolation: '23505',
  exclusionViolation: '23P01',
  foreignKeyViolation: '23503',
  serializationFailure: '40001',
  deadlock: '40P01',
} as const;

export function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Opens PGlite in `dataDir` (`memory://` or undefined for an in-memory database). */
export async function openPglite(dataDir?: string): Promise<Database> {
  const db = await PGlite.create(dataDir, { extensions: { btree_gist } });
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Sql => ({
    async query<T>(text: string, params?: unknown[]) {
      const result = await q.query<T>(text, params);
      return result.rows;
    },
    async exec(script: string) {
      await q.exec(script);
    },
  });
  return {
    driver: 'pglite',
    ...wrap(db),
    transaction: (body) => db.transaction((tx) => body(wrap(tx as unknown as PGlite))),
    async listen(channel, listener) {
      const stop = await db.listen(channel, listener);
      return async () => {
        await stop();
      };
    },
    close: () => db.close(),
  };
}

/** Default connections per server process (`DORFPLATZ_DB_POOL_SIZE`). */
export const POOL_SIZE = 20;

const names = new Map<string, string>();

/** A stable statement name per query text (FNV-1a), so each connection prepares it once. */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    name = `dp_${h.toString(36)}_${text.length.toString(36)}`;
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

/**
 * Connects a pool of `max` connections (default `POOL_SIZE`) to PostgreSQL at `url`. One
 * process on a few cores is fastest with few connections: more only queue inside PostgreSQL.
 */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? POOL_SIZE });
  // Idle clients that lose their connection must not crash the process.
  pool.on('error', () => undefined);
  let listener: pg.PoolClient | null = null;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  const wrap = (q: { query: pg.Pool['query'] }): Sql => ({
    async query<T>(text: string, params?: unknown[]) {
      // Named statements are parsed and planned once per connection, not on every call.
      const result = await q.query({ name: statementName(text), text, values: params as unknown[] });
      return result.rows as T[];
    },
    async exec(script: string) {
      await q.query(script);
    },
  });
  return {
    driver: 'postgres',
    ...wrap(pool),
    async transaction(body) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await body(wrap(client as unknown as { query: pg.Pool['query'] }));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, handler) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      if (!listener) {
        listener = await pool.connect();
        listener.on('notification', (msg) => {
          for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
        });
        listener.on('error', () => undefined);
      }
      let set = handlers.get(channel);
      if (!set) {
        handlers.set(channel, (set = new Set()));
        await listener.query(`LISTEN ${channel}`);
      }
      set.add(handler);
      return async () => {
        set!.delete(handler);
      };
    },
    async close() {
      listener?.release();
      listener = null;
      await pool.end();
    },
  };
}

/** `DATABASE_URL` → PostgreSQL (a pool of `poolSize` connections), else PGlite in `dataDir`. */
export function openDatabase(options: { databaseUrl?: string; dataDir?: string; poolSize?: number }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, { max: options.poolSize }) : openPglite(options.dataDir);
}
