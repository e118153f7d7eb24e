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
 * | `DORFPLATZ_MEMBER_WRITES_PER_MINUTE` | `memberWritesPerMinute`  | `120` (0: off) |
 * | `DORFPLATZ_READS_PER_MINUTE`       | `readsPerMinute`           | `1200` (0: off) |
 * | (file only)                        | `routeLimits`              | `{}`: `{ "post /lost-found/items": 5 }` |
 * | `DORFPLATZ_TRUST_PROXY`            | `trustProxy`               | `false` (`true`/a number: proxies in front) |
 * | `DORFPLATZ_PROOF_OF_WORK`          | `proofOfWork`              | `0`: off; else the challenge's max number (e.g. `100000`) |
 * | `DORFPLATZ_HONEYPOT_FIELD`         | `honeypotField`            | `_hp` |
 * | `DORFPLATZ_DB_POOL_SIZE`           | `databasePoolSize`         | `20` (PostgreSQL connections per process) |
 * | `DORFPLATZ_SMTP_URL`               | `smtpUrl`                  | none: no e-mail (`smtp://user:pass@host:587`, `smtps://…:465`) |
 * | `DORFPLATZ_MAIL_FROM`              | `mailFrom`                 | none; required with `smtpUrl` (`"Musterdorf" <noreply@musterdorf.de>`) |
 * | `DORFPLATZ_RETENTION_LOST_FOUND_DAYS` | `retention.lostFoundDays` | `30` days after an item left the board |
 * | `DORFPLATZ_RETENTION_BOOKING_CONTACT_DAYS` | `retention.bookingContactDays` | `90` days after a booking ended |
 * | `DORFPLATZ_RETENTION_FAILED_MAIL_DAYS` | `retention.failedMailDays` | `14` days |
 * | (file only)                        | `lostFoundExpiryDays`      | `{ "found": 183, "lost": 92 }` days on the board |
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { ExpiryDays } from '../../src/data/schema/index.js';
import { POOL_SIZE } from './db.js';
import { DEFAULT_RETENTION } from './retention.js';

export const Config = z.object({
  databaseUrl: z.optional(z.string().check(z.minLength(1))),
  databasePoolSize: z.int().check(z.minimum(1), z.maximum(1000)),
  dataDir: z.string(),
  port: z.int().check(z.minimum(0), z.maximum(65535)),
  host: z.string(),
  publicUrl: z.optional(z.url()),
  anonymousWritesPerMinute: z.int().check(z.nonnegative()),
  signInsPerMinute: z.int().check(z.nonnegative()),
  memberWritesPerMinute: z.int().check(z.nonnegative()),
  readsPerMinute: z.int().check(z.nonnegative()),
  routeLimits: z.record(z.string().check(z.regex(/^(?:get|post|put|patch|delete) \/\S*$/)), z.int().check(z.nonnegative())),
  /** Reverse proxies in front of the server (`true` = 1). */
  trustProxy: z.union([z.boolean(), z.int().check(z.nonnegative(), z.maximum(10))]),
  /** The proof-of-work cost (max number) for anonymous writes; 0: off. */
  proofOfWork: z.int().check(z.nonnegative(), z.maximum(10_000_000)),
  honeypotField: z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]{0,40}$/)),
  /** SMTP for the relay's and booking decisions' e-mails; none: no e-mail is queued. */
  smtpUrl: z.optional(z.string().check(z.regex(/^smtps?:\/\/\S+$/))),
  mailFrom: z.optional(z.string().check(z.minLength(3), z.maxLength(250))),
  retention: z.object({
    lostFoundDays: z.int().check(z.minimum(0), z.maximum(3650)),
    bookingContactDays: z.int().check(z.minimum(0), z.maximum(3650)),
    failedMailDays: z.int().check(z.minimum(0), z.maximum(3650)),
  }),
  lostFoundExpiryDays: z.optional(ExpiryDays),
}).check(z.refine((c) => !c.smtpUrl || !!c.mailFrom, { message: 'mailFrom (DORFPLATZ_MAIL_FROM) is required with smtpUrl', path: ['mailFrom'] }));
export type Config = z.infer<typeof Config>;

/** `true`/`yes` → one proxy, `false`/`no` → none, a number → that many. */
const trustProxyOf = (value: string): boolean | number =>
  /^\d+$/.test(value) ? Number(value) : ['true', 'yes'].includes(value.toLowerCase());

export function loadConfig(file?: string, env: NodeJS.ProcessEnv = process.env): Config {
  const path = file ?? env.DORFPLATZ_CONFIG;
  const fromFile = path ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<Config>) : {};
  const merged = {
    dataDir: './data',
    port: 8787,
    host: '127.0.0.1',
    anonymousWritesPerMinute: 30,
    signInsPerMinute: 10,
    memberWritesPerMinute: 120,
    readsPerMinute: 1200,
    routeLimits: {},
    trustProxy: false,
    proofOfWork: 0,
    honeypotField: '_hp',
    databasePoolSize: POOL_SIZE,
    ...fromFile,
    retention: {
      ...DEFAULT_RETENTION,
      ...fromFile.retention,
      ...(env.DORFPLATZ_RETENTION_LOST_FOUND_DAYS && { lostFoundDays: Number(env.DORFPLATZ_RETENTION_LOST_FOUND_DAYS) }),
      ...(env.DORFPLATZ_RETENTION_BOOKING_CONTACT_DAYS && { bookingContactDays: Number(env.DORFPLATZ_RETENTION_BOOKING_CONTACT_DAYS) }),
      ...(env.DORFPLATZ_RETENTION_FAILED_MAIL_DAYS && { failedMailDays: Number(env.DORFPLATZ_RETENTION_FAILED_MAIL_DAYS) }),
    },
    ...(env.DORFPLATZ_SMTP_URL && { smtpUrl: env.DORFPLATZ_SMTP_URL }),
    ...(env.DORFPLATZ_MAIL_FROM && { mailFrom: env.DORFPLATZ_MAIL_FROM }),
    ...(env.DATABASE_URL && { databaseUrl: env.DATABASE_URL }),
    ...(env.DORFPLATZ_DATA_DIR && { dataDir: env.DORFPLATZ_DATA_DIR }),
    ...(env.PORT && { port: Number(env.PORT) }),
    ...(env.HOST && { host: env.HOST }),
    ...(env.DORFPLATZ_PUBLIC_URL && { publicUrl: env.DORFPLATZ_PUBLIC_URL }),
    ...(env.DORFPLATZ_ANON_WRITES_PER_MINUTE && { anonymousWritesPerMinute: Number(env.DORFPLATZ_ANON_WRITES_PER_MINUTE) }),
    ...(env.DORFPLATZ_SIGN_INS_PER_MINUTE && { signInsPerMinute: Number(env.DORFPLATZ_SIGN_INS_PER_MINUTE) }),
    ...(env.DORFPLATZ_DB_POOL_SIZE && { databasePoolSize: Number(env.DORFPLATZ_DB_POOL_SIZE) }),
    ...(env.DORFPLATZ_MEMBER_WRITES_PER_MINUTE && { memberWritesPerMinute: Number(env.DORFPLATZ_MEMBER_WRITES_PER_MINUTE) }),
    ...(env.DORFPLATZ_READS_PER_MINUTE && { readsPerMinute: Number(env.DORFPLATZ_READS_PER_MINUTE) }),
    ...(env.DORFPLATZ_TRUST_PROXY && { trustProxy: trustProxyOf(env.DORFPLATZ_TRUST_PROXY) }),
    ...(env.DORFPLATZ_PROOF_OF_WORK && { proofOfWork: Number(env.DORFPLATZ_PROOF_OF_WORK) }),
    ...(env.DORFPLATZ_HONEYPOT_FIELD && { honeypotField: env.DORFPLATZ_HONEYPOT_FIELD }),
  };
  const parsed = Config.safeParse(merged);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
