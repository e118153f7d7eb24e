/**
 * Versioned migrations: `server/migrations/NNN_name.sql`, applied in order, each once, each in
 * the transaction that records it. An advisory lock lets several processes start at once.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { foldText } from '../../src/data/rules/text.js';
import type { Database, Sql } from './db.js';

const DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
const LOCK = 7_346_201;

/**
 * Data steps that need JavaScript (the shared text folding has no SQL twin), run right after
 * the script of their version, in the same transaction.
 */
const FOLLOW_UPS: Record<number, (tx: Sql) => Promise<void>> = {
  3: async (tx) => {
    const rows = await tx.query<{ community: string; id: string; name: string }>(
      'SELECT community, id, coalesce(profile_name, token_name) AS name FROM members WHERE name_key IS NULL',
    );
    for (const row of rows) {
      await tx.query('UPDATE members SET name_key = $3 WHERE community = $1 AND id = $2', [row.community, row.id, foldText(row.name)]);
    }
  },
};

export async function migrate(db: Database): Promise<number[]> {
  const files = (await readdir(DIR)).filter((f) => /^\d{3}_[a-z0-9_-]+\.sql$/.test(f)).sort();
  const scripts = await Promise.all(files.map(async (file) => ({ file, version: Number(file.slice(0, 3)), sql: await readFile(DIR + file, 'utf8') })));
  return db.transaction(async (tx) => {
    const applied: number[] = [];
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    for (const { file, version, sql } of scripts) {
      if (done.has(version)) continue;
      await tx.exec(sql);
      await FOLLOW_UPS[version]?.(tx);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file]);
      applied.push(version);
    }
    return applied;
  });
}
