/**
 * Configuration: an optional JSON file (`--config <file>` or `DORFPLATZ_CONFIG`), then
 * environment variables, which win.
 *
 * | env                    | file key      | default                     |
 * |------------------------|---------------|-----------------------------|
 * | `DATABASE_URL`         | `databaseUrl` | none: embedded PGlite       |
 * | `DORFPLATZ_DATA_DIR`   | `dataDir`     | `./data` (PGlite's folder)  |
 * | `PORT`                 | `port`        | `8787`                      |
 * | `HOST`                 | `host`        | `127.0.0.1`                 |
 * | `DORFPLATZ_PUBLIC_URL` | `publicUrl`   | none: root-relative URLs    |
 * | `DORFPLATZ_ANON_WRITES_PER_MINUTE` | `anonymousWritesPerMinute` | `30` (0: off) |
 * | `DORFPLATZ_SIGN_INS_PER_MINUTE`    | `signInsPerMinute`         | `10` (0: off) |
 * | `DORFPLATZ_TRUST_PROXY`            | `trustProxy`               | `false`       |
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';

export const Config = z.object({
  databaseUrl: z.optional(z.string().check(z.minLength(1))),
  dataDir: z.string(),
  port: z.int().check(z.minimum(0), z.maximum(65535)),
  host: z.string(),
  publicUrl: z.optional(z.url()),
  anonymousWritesPerMinute: z.int().check(z.nonnegative()),
  signInsPerMinute: z.int().check(z.nonnegative()),
  trustProxy: z.boolean(),
});
export type Config = z.infer<typeof Config>;

export function loadConfig(file?: string, env: NodeJS.ProcessEnv = process.env): Config {
  const path = file ?? env.DORFPLATZ_CONFIG;
  const fromFile = path ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<Config>) : {};
  const merged = {
    dataDir: './data',
    port: 8787,
    host: '127.0.0.1',
    anonymousWritesPerMinute: 30,
    signInsPerMinute: 10,
    trustProxy: false,
    ...fromFile,
    ...(env.DATABASE_URL && { databaseUrl: env.DATABASE_URL }),
    ...(env.DORFPLATZ_DATA_DIR && { dataDir: env.DORFPLATZ_DATA_DIR }),
    ...(env.PORT && { port: Number(env.PORT) }),
    ...(env.HOST && { host: env.HOST }),
    ...(env.DORFPLATZ_PUBLIC_URL && { publicUrl: env.DORFPLATZ_PUBLIC_URL }),
    ...(env.DORFPLATZ_ANON_WRITES_PER_MINUTE && { anonymousWritesPerMinute: Number(env.DORFPLATZ_ANON_WRITES_PER_MINUTE) }),
    ...(env.DORFPLATZ_SIGN_INS_PER_MINUTE && { signInsPerMinute: Number(env.DORFPLATZ_SIGN_INS_PER_MINUTE) }),
    ...(env.DORFPLATZ_TRUST_PROXY && { trustProxy: ['1', 'true', 'yes'].includes(env.DORFPLATZ_TRUST_PROXY.toLowerCase()) }),
  };
  const parsed = Config.safeParse(merged);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
