/**
 * `dorfplatz-server`: start the server, run migrations, add communities, sign member tokens.
 *
 *   dorfplatz-server [start] [--config file] [--samples]   (--samples: the three sample communities, for development)
 *   dorfplatz-server migrate
 *   dorfplatz-server community add <id> --name <name> --origin <https://…> [--origin …]
 *       [--admin-user <name> --admin-password <password>] [--time-zone Europe/Berlin] [--locale de]
 *       [--sample municipality|parish|club]
 *   dorfplatz-server token <community> --member <id> --name <display name> [--role member|moderator|admin]…
 *   dorfplatz-server totp enable|disable <community> --user <username>   (one-time codes for a staff sign-in)
 *   dorfplatz-server member export|erase <community> --member <id> [--yes]   (a member's data on request)
 *
 * With the embedded database (no DATABASE_URL) only one process may open the data folder:
 * stop the server before running `community add` against it.
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { samples, type SampleId } from '../../src/data/sample/index.js';
import { createServer } from './app.js';
import { signToken } from './auth.js';
import { addCommunity, addStaff } from './communities.js';
import { loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db.js';
import { migrate } from './migrate.js';
import { Mailer, smtpTransport } from './mail.js';
import { eraseMemberData, exportMemberData } from './member-data.js';
import { scheduleRetention } from './retention.js';
import { seedDataset } from './domains/seed.js';
import { generateTotpSecret, otpauthUri } from './totp.js';
import type { Role } from '../../src/data/schema/index.js';

const USAGE = `Usage:
  dorfplatz-server [start] [--config <file>] [--samples]
  dorfplatz-server migrate [--config <file>]
  dorfplatz-server community add <id> --name <name> --origin <https://host> [--origin …]
      [--admin-user <name> --admin-password <password>] [--time-zone <IANA zone>] [--locale de|en]
      [--sample municipality|parish|club]
  dorfplatz-server token <community> --member <id> --name <display name> [--role member] [--days 1]
  dorfplatz-server totp enable|disable <community> --user <username>
  dorfplatz-server member export <community> --member <id>          (everything stored about a member, as JSON)
  dorfplatz-server member erase <community> --member <id> --yes      (deletes it)

Environment: DATABASE_URL (PostgreSQL; default: embedded PGlite in DORFPLATZ_DATA_DIR, ./data),
PORT (8787), HOST (127.0.0.1), DORFPLATZ_PUBLIC_URL, DORFPLATZ_ANON_WRITES_PER_MINUTE (30),
DORFPLATZ_SIGN_INS_PER_MINUTE (10), DORFPLATZ_MEMBER_WRITES_PER_MINUTE (120), DORFPLATZ_READS_PER_MINUTE (1200),
DORFPLATZ_TRUST_PROXY (false, true or the number of proxies), DORFPLATZ_PROOF_OF_WORK (0: off, else e.g. 100000),
DORFPLATZ_HONEYPOT_FIELD (_hp), DORFPLATZ_DB_POOL_SIZE (20), DORFPLATZ_SMTP_URL + DORFPLATZ_MAIL_FROM (e-mail),
DORFPLATZ_RETENTION_LOST_FOUND_DAYS (30), DORFPLATZ_RETENTION_BOOKING_CONTACT_DAYS (90),
DORFPLATZ_RETENTION_FAILED_MAIL_DAYS (14), DORFPLATZ_CONFIG (JSON file with the same keys).`;

async function open(config: Config): Promise<Database> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  await migrate(db);
  return db;
}

/**
 * Development: the three sample communities (ids from the sample data), open to every origin,
 * seeded idempotently (records already there are kept).
 */
async function ensureSamples(db: Database): Promise<void> {
  for (const sample of Object.values(samples)) {
    const data = sample(new Date());
    const { created, secret } = await addCommunity(db, { ...data.community, origins: ['*'] });
    await db.transaction((tx) => seedDataset(tx, data.community.id, data, new Date()));
    if (created) {
      // A known admin sign-in for trying the widgets' admin views locally; never use --samples in production.
      await addStaff(db, data.community.id, { ...SAMPLE_ADMIN, roles: ['member', 'moderator', 'admin'], displayName: 'Demo admin' });
      console.log(`sample community ${data.community.id} (secret ${secret}; admin sign-in ${SAMPLE_ADMIN.username} / ${SAMPLE_ADMIN.password})`);
    }
  }
}

/** The sample communities' admin account (development only, printed at start). */
const SAMPLE_ADMIN = { username: 'admin', password: 'dorfplatz-demo' } as const;

async function start(config: Config, withSamples: boolean): Promise<void> {
  const db = await open(config);
  if (withSamples) await ensureSamples(db);
  const server = await createServer({
    db, publicUrl: config.publicUrl, trustProxy: config.trustProxy,
    rateLimits: {
      anonymousWritesPerMinute: config.anonymousWritesPerMinute, signInsPerMinute: config.signInsPerMinute,
      memberWritesPerMinute: config.memberWritesPerMinute, readsPerMinute: config.readsPerMinute, routes: config.routeLimits,
    },
    proofOfWork: config.proofOfWork > 0 && { maxNumber: config.proofOfWork }, honeypotField: config.honeypotField,
    mail: !!config.smtpUrl, lostFound: { expiryDays: config.lostFoundExpiryDays },
  });
  const mailer = config.smtpUrl ? new Mailer(db, smtpTransport(config.smtpUrl), { from: config.mailFrom! }) : null;
  await mailer?.start();
  const stopRetention = scheduleRetention(db, config.retention, {
    onRun: (r) => {
      if (r.items || r.files || r.bookings || r.mails) console.log(`retention: deleted ${r.items} items, ${r.files} files, ${r.mails} failed mails; removed contact data of ${r.bookings} bookings`);
    },
    onError: (error) => console.error('[dorfplatz-server] retention failed:', error),
  });
  const http = serve({ fetch: server.app.fetch, hostname: config.host, port: config.port }, (info) => {
    console.log(`dorfplatz-server listening on http://${info.address}:${info.port} (${db.driver === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
  });
  const connections = http as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
  const stop = async () => {
    // Stop accepting; end event streams and idle keep-alives; let requests in flight finish
    // (at most 10 s), even those whose client already left, before the database goes.
    http.close();
    connections.closeIdleConnections?.();
    await server.close();
    await Promise.race([server.idle(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await Promise.all([mailer?.stop(), stopRetention()]);
    connections.closeAllConnections?.();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      'admin-user': { type: 'string' },
      'admin-password': { type: 'string' },
      'time-zone': { type: 'string' },
      locale: { type: 'string' },
      sample: { type: 'string' },
      member: { type: 'string' },
      user: { type: 'string' },
      role: { type: 'string', multiple: true },
      days: { type: 'string' },
      samples: { type: 'boolean' },
      yes: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig(values.config);
  const [command = 'start', sub, arg] = positionals;

  if (command === 'start') {
    await start(config, !!values.samples);
    return -1;
  }
  if (command === 'migrate') {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
    const applied = await migrate(db);
    console.log(applied.length ? `applied migrations ${applied.join(', ')}` : 'the database is up to date');
    await db.close();
    return 0;
  }
  if (command === 'community' && sub === 'add' && arg) {
    if (!values.name || !values.origin?.length) throw new Error(`community add needs --name and at least one --origin\n\n${USAGE}`);
    if (!!values['admin-user'] !== !!values['admin-password']) throw new Error('--admin-user and --admin-password go together');
    const db = await open(config);
    try {
      const { secret, created } = await addCommunity(db, {
        id: arg, name: values.name, timeZone: values['time-zone'] ?? 'Europe/Berlin', locale: (values.locale ?? 'de') as 'de' | 'en', origins: values.origin,
      });
      if (values['admin-user']) {
        await addStaff(db, arg, { username: values['admin-user'], password: values['admin-password']!, roles: ['member', 'moderator', 'admin'] });
      }
      if (values.sample) {
        const sample = samples[values.sample as SampleId];
        if (!sample) throw new Error(`unknown sample ${values.sample}: municipality, parish or club`);
        const data = sample(new Date());
        await db.transaction((tx) => seedDataset(tx, arg, { ...data, community: { ...data.community, id: arg } }, new Date()));
      }
      console.log(`${created ? 'created' : 'updated'} community ${arg}`);
      console.log(`secret (for signing member tokens on the host site): ${secret}`);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'totp' && (sub === 'enable' || sub === 'disable') && arg) {
    if (!values.user) throw new Error(`totp ${sub} needs --user\n\n${USAGE}`);
    const db = await open(config);
    try {
      if (sub === 'enable') {
        const secret = generateTotpSecret();
        const rows = await db.query('UPDATE staff SET totp_secret = $3, totp_last_step = NULL WHERE community = $1 AND username = $2 RETURNING 1', [arg, values.user, secret]);
        if (!rows.length) throw new Error(`no staff account ${values.user} in community ${arg}`);
        console.log(`one-time codes enabled for ${values.user}: add this secret to an authenticator app`);
        console.log(`secret: ${secret}`);
        console.log(`uri: ${otpauthUri(secret, `Dorfplatz ${arg}`, values.user)}`);
      } else {
        const rows = await db.query('UPDATE staff SET totp_secret = NULL, totp_last_step = NULL WHERE community = $1 AND username = $2 RETURNING 1', [arg, values.user]);
        if (!rows.length) throw new Error(`no staff account ${values.user} in community ${arg}`);
        console.log(`one-time codes disabled for ${values.user}`);
      }
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'member' && (sub === 'export' || sub === 'erase') && arg) {
    if (!values.member) throw new Error(`member ${sub} needs --member\n\n${USAGE}`);
    if (sub === 'erase' && !values.yes) throw new Error(`member erase deletes everything stored about ${values.member}: add --yes`);
    const db = await open(config);
    try {
      if (sub === 'export') {
        console.log(JSON.stringify(await exportMemberData(db, arg, values.member, new Date()), null, 2));
      } else {
        const report = await db.transaction((tx) => eraseMemberData(tx, arg, values.member!));
        console.log(`erased ${values.member}: ${JSON.stringify(report)}`);
      }
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'token' && sub) {
    if (!values.member || !values.name) throw new Error(`token needs --member and --name\n\n${USAGE}`);
    const db = await open(config);
    try {
      const rows = await db.query<{ secret: string }>('SELECT secret FROM communities WHERE id = $1', [sub]);
      if (!rows[0]) throw new Error(`no community ${sub}`);
      const roles = (values.role ?? ['member']) as Role[];
      const days = Number(values.days ?? '1');
      console.log(signToken({ c: sub, sub: values.member, name: values.name, roles, exp: Math.floor(Date.now() / 1000) + days * 86400 }, rows[0].secret));
    } finally {
      await db.close();
    }
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
