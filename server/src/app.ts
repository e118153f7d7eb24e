/**
 * `createServer({ db })`: the hono app of the reference server.
 *
 * Protocol: `/c/:community/<domain>/…` mirrors the backend contract domain by domain (see
 * `/openapi.json`). Every request is validated with the contract's zod schemas; errors are
 * `{ code, message, details }` with the `BackendError` code and a matching HTTP status.
 */
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { BackendError } from '../../src/data/backend.js';
import { coerceQuery, parseParams, readBody, readJson, type CommunityRow, type Ctx, type Route, type Services } from './http.js';
import { ChangeHub, type ChangeDraft, type Envelope } from './changes.js';
import { PG, pgCode, type Database } from './db.js';
import { BadRequest, invalid, STATUS } from './errors.js';
import { verifyToken } from './auth.js';
import { parse } from '../../src/data/backend.js';
import type { ExpiryDays, Member } from '../../src/data/schema/index.js';
import { openApiDocument } from './openapi.js';
import { ClientKeys, clientAddress, DEFAULT_LIMITS, RateLimiter, type RateLimits } from './rate-limit.js';
import { DEFAULT_POW_MAX_NUMBER, PROOF_HEADER, ProofOfWork } from './proof-of-work.js';
import { SignInGuard } from './sign-in-guard.js';
import { ProofChallenge } from '../../src/data/adapters/http/proof-of-work.js';
import { getConnInfo } from '@hono/node-server/conninfo';
import { sessionRoutes, resolveMember } from './domains/session.js';
import { bookingRoutes } from './domains/bookings.js';
import { lostFoundRoutes } from './domains/lost-found.js';
import { feedRoutes, readableGroups } from './domains/feed.js';
import { learningRoutes } from './domains/learning.js';
import { badgeRoutes } from './domains/badges.js';
import { seedRoutes } from './domains/seed.js';
import { memberDataRoutes } from './domains/member-data.js';

export interface ServerOptions {
  db: Database;
  /**
   * The domain clock ("now" for expiry, lead time, streaks). Tests pass a settable clock; it is
   * an in-process option only and can never be changed over HTTP.
   */
  now?: () => Date;
  /** Prefix of URLs the server hands out, e.g. `https://dorf.example.org`; default root-relative. */
  publicUrl?: string;
  /** Milliseconds between keep-alive comments on event streams. */
  keepAliveMs?: number;
  /** Limits per route and client (reads, writes, sign-ins); see `rate-limit.ts` for the defaults. */
  rateLimits?: Partial<RateLimits>;
  /**
   * Behind reverse proxies: how many of them (`true` = 1) append to `X-Forwarded-For`; the client
   * address is the entry the outermost one appended. Default: the socket's peer.
   */
  trustProxy?: boolean | number;
  /** Require a proof of work (`proof-of-work.ts`) on anonymous writes; `maxNumber` sets its cost. */
  proofOfWork?: { maxNumber: number } | false;
  /**
   * The honeypot field of anonymous JSON writes: the widgets send it empty (a hidden input people
   * never fill); a write where it is filled in is refused and nothing is written. Default `_hp`.
   */
  honeypotField?: string;
  /**
   * Queue e-mails (contact relay, booking decisions) in `mail_outbox`; a `Mailer` (`mail.ts`)
   * sends them. Default off: without SMTP nothing is queued.
   */
  mail?: boolean;
  /** Lost & found: days on the board per type (default 183 found / 92 lost). */
  lostFound?: { expiryDays?: ExpiryDays };
}

export interface DorfServer {
  /** The hono app: `app.fetch(request)`, or serve it with `@hono/node-server`. */
  app: Hono;
  routes: Route[];
  hub: ChangeHub;
  services: Services;
  /** Ends event streams. */
  close(): Promise<void>;
  /**
   * Resolves when no request is being handled. A client may drop its connection while its
   * request is still running here, so a shutdown waits for this, not for sockets, before it
   * closes the database.
   */
  idle(): Promise<void>;
}

const TOPIC = /^(?:feed\/[a-z0-9-]{1,64}|bookings\/[a-z0-9-]{1,64}|learning\/[a-z0-9-]{1,64}|lost-found|badges|session)$/;

export async function createServer(options: ServerOptions): Promise<DorfServer> {
  const { db } = options;
  const services: Services = {
    db, now: options.now ?? (() => new Date()), basePath: options.publicUrl?.replace(/\/$/, '') ?? '', signInGuard: new SignInGuard(),
    mail: options.mail ?? false,
  };
  const hub = new ChangeHub(db);
  await hub.start();

  const communities = new Map<string, { row: CommunityRow | null; at: number }>();
  async function community(id: string): Promise<CommunityRow> {
    const cached = communities.get(id);
    if (cached && Date.now() - cached.at < 5000) {
      if (!cached.row) throw new BackendError('not-found', 'community.unknown');
      return cached.row;
    }
    const rows = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(id)
      ? await db.query<CommunityRow>('SELECT id, name, time_zone, locale, secret, origins FROM communities WHERE id = $1', [id])
      : [];
    communities.set(id, { row: rows[0] ?? null, at: Date.now() });
    if (!rows[0]) throw new BackendError('not-found', 'community.unknown');
    return rows[0];
  }

  async function actor(c: Context, row: CommunityRow): Promise<Member | null> {
    const header = c.req.header('authorization');
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new BackendError('forbidden', 'session.badToken', { issues: [{ path: '', code: 'session.badToken' }] });
    const payload = verifyToken(match[1]!, row.secret, row.id, Math.floor(Date.now() / 1000));
    if (!payload) throw new BackendError('forbidden', 'session.badToken', { issues: [{ path: '', code: 'session.badToken' }] });
    return resolveMember(db, row.id, payload);
  }

  const limits: RateLimits = { ...DEFAULT_LIMITS, ...options.rateLimits, routes: { ...DEFAULT_LIMITS.routes, ...options.rateLimits?.routes } };
  const limiter = new RateLimiter();
  const keys = new ClientKeys();
  const hops = options.trustProxy === true ? 1 : Number(options.trustProxy || 0);
  /** The client's key (its network, hashed with today's salt): rate limits and sign-in backoff. */
  const clientOf = (c: Context): string => {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      peer = undefined;
    }
    return keys.key(clientAddress(peer, c.req.header('x-forwarded-for'), hops));
  };
  const proofOfWork = options.proofOfWork ? new ProofOfWork(options.proofOfWork.maxNumber) : null;
  const honeypot = options.honeypotField ?? '_hp';

  // Challenges for the proof-of-work gate (also when it is off, so a client can always solve one).
  const challenges = proofOfWork ?? new ProofOfWork(DEFAULT_POW_MAX_NUMBER);
  const powRoute: Route = {
    method: 'get', path: '/pow/challenge', tag: 'session', summary: 'A proof-of-work challenge for anonymous writes (header X-Dorf-Proof)',
    response: ProofChallenge, handler: async (ctx) => challenges.issue(ctx.community.secret, ctx.community.id),
  };
  const routes: Route[] = [powRoute, ...sessionRoutes(), ...bookingRoutes(), ...lostFoundRoutes(options.lostFound ?? {}), ...feedRoutes(), ...learningRoutes(), ...badgeRoutes(), ...seedRoutes(), ...memberDataRoutes()];

  const app = new Hono();

  let inFlight = 0;
  let whenIdle: (() => void)[] = [];
  app.use('*', async (_c, next) => {
    inFlight++;
    try {
      await next();
    } finally {
      if (--inFlight === 0) for (const resolve of whenIdle.splice(0)) resolve();
    }
  });

  app.onError((error, c) => {
    if (error instanceof BackendError || (error as { name?: string }).name === 'BackendError') {
      const e = error as BackendError & { status?: number };
      const status = e.status ?? STATUS[e.code];
      if (e.code === 'rate-limited' && e.details.retryAfter) c.header('Retry-After', String(e.details.retryAfter));
      // An oversized body was not read to its end: the connection cannot carry another request.
      if (status === 413) c.header('Connection', 'close');
      return c.json(e.toJSON(), status as 400);
    }
    const code = pgCode(error);
    if (code === PG.deadlock || code === PG.serializationFailure) {
      // Transient: nothing was written, the same request may simply be sent again.
      c.header('Retry-After', '1');
      return c.json({ code: 'unavailable', message: 'The database was busy: try again.', details: { retryAfter: 1 } }, 503);
    }
    console.error('[dorfplatz-server]', error);
    return c.json({ code: 'unavailable', message: 'Internal error', details: {} }, 500);
  });
  app.notFound((c) => c.json({ code: 'not-found', message: 'No such endpoint', details: {} }, 404));

  // Per-community CORS allow-list; no cookies, so credentials are never allowed.
  app.use('/c/:community/*', async (c, next) => {
    const origin = c.req.header('origin');
    let allowed = false;
    if (origin) {
      const row = await community(c.req.param('community')).catch(() => null);
      allowed = !!row && (row.origins.includes(origin) || row.origins.includes('*'));
    }
    if (c.req.method === 'OPTIONS') {
      if (!allowed) return c.body(null, 403);
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin!,
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Manage-Token, Last-Event-ID, X-Dorf-Proof',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    // CSRF: a browser names the page's origin on every write; a page the community does not list
    // may not write, whatever it sends. (Clients that send no Origin are not browsers.)
    if (origin && !allowed && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      throw new BackendError('forbidden', 'This origin may not write to this community.', { issues: [{ path: '', code: 'origin.forbidden' }] });
    }
    await next();
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin!);
      c.res.headers.append('Vary', 'Origin');
    }
  });

  for (const route of routes) {
    app.on(route.method.toUpperCase(), `/c/:community${route.path}`, async (c) => {
      const row = await community(c.req.param('community'));
      const member = await actor(c, row);
      const client = clientOf(c);
      const routeKey = `${route.method} ${route.path}`;
      const write = route.method !== 'get';
      if (route.path === '/session/sign-in') {
        limiter.take(`sign-in\u0000${row.id}\u0000${client}`, limits.signInsPerMinute);
      } else if (write && !member) {
        limiter.take(`anon\u0000${row.id}\u0000${routeKey}\u0000${client}`, limits.routes[routeKey] ?? limits.anonymousWritesPerMinute);
      } else if (write) {
        limiter.take(`member\u0000${row.id}\u0000${routeKey}\u0000${member!.id}`, limits.routes[routeKey] ?? limits.memberWritesPerMinute);
      } else {
        limiter.take(`read\u0000${row.id}\u0000${routeKey}\u0000${client}`, limits.readsPerMinute);
      }
      // JSON-only writes: a form post or a text body (what a cross-site HTML form can send without
      // a preflight) is refused before anything else; file uploads declare their own types.
      const type = c.req.header('content-type');
      if (write && type && !route.rawBody && !/^application\/json\b/i.test(type)) throw new BadRequest('Send the body as application/json.', 415);
      // The gate for anonymous writes (not for sign-in, which has its own guard).
      if (write && !member && proofOfWork && route.path !== '/session/sign-in') proofOfWork.verify(c.req.header(PROOF_HEADER), row.secret, row.id);
      const { community: _c, ...rawParams } = c.req.param() as Record<string, string>;
      const params = parseParams(route, rawParams);
      const query = route.query ? parse(route.query, coerceQuery(c.req.query())) : {};
      let body: unknown;
      if (route.rawBody) body = await readBody(c, route.rawBody.limit);
      else if (route.body) {
        const json = await readJson(c, route.bodyLimit);
        if (!member && json && typeof json === 'object' && !Array.isArray(json) && honeypot in json) {
          const bait = (json as Record<string, unknown>)[honeypot];
          if (bait !== '' && bait !== null && bait !== undefined) throw invalid(honeypot, 'request.rejected');
        }
        body = parse(route.body, json);
      }
      const ctx: Ctx = {
        services,
        community: row,
        member,
        client,
        params,
        query,
        body,
        header: (name) => c.req.header(name),
        now: services.now(),
        db,
        raw: c,
        write: (fn) => db.transaction(async (tx) => {
          const changes: ChangeDraft[] = [];
          const result = await fn(tx, changes);
          if (changes.length) await ChangeHub.announce(tx, row.id, changes, services.now().toISOString());
          return result;
        }),
      };
      const result = await route.handler(ctx);
      if (route.raw) return result as Response;
      c.header('Cache-Control', 'no-store');
      if (result === undefined) return c.body(null, 204);
      return c.json(result as object);
    });
  }

  // Live changes as server-sent events: `?topics=feed/x,bookings/y&since=<wall ms>`.
  app.get('/c/:community/events', async (c) => {
    const row = await community(c.req.param('community'));
    const member = await actor(c, row);
    limiter.take(`read\u0000${row.id}\u0000events\u0000${clientOf(c)}`, limits.readsPerMinute);
    const requested = new Set((c.req.query('topics') ?? '').split(',').filter(Boolean));
    if (requested.size === 0 || requested.size > 50 || [...requested].some((t) => !TOPIC.test(t))) {
      throw BackendError.invalid([{ path: 'topics', code: 'invalid' }]);
    }
    // Group topics only for groups the caller may read: a stream shows no private group's activity.
    const groups = [...requested].filter((t) => t.startsWith('feed/')).map((t) => t.slice(5));
    const readable = await readableGroups(db, row.id, member, groups);
    const topics = new Set([...requested].filter((t) => !t.startsWith('feed/') || readable.has(t.slice(5))));
    const sinceRaw = Number(c.req.query('since'));
    const since = Number.isFinite(sinceRaw) && sinceRaw > 0 ? sinceRaw : null;
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const sent = new Set<string>();
      const queue: Envelope[] = [];
      let wake: (() => void) | null = null;
      const accept = (e: Envelope) => e.community === row.id && topics.has(e.change.topic) && !sent.has(e.uid);
      const sub = hub.subscribe((e) => {
        if (!accept(e)) return;
        queue.push(e);
        wake?.();
      }, since);
      let open = true;
      stream.onAbort(() => {
        open = false;
        sub.stop();
        wake?.();
      });
      queue.unshift(...sub.replay.filter(accept));
      await stream.writeSSE({ event: 'ready', data: String(Date.now()) });
      const keepAliveMs = options.keepAliveMs ?? 15_000;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        while (open) {
          const next = queue.shift();
          if (next) {
            if (sent.has(next.uid)) continue;
            sent.add(next.uid);
            if (sent.size > 10_000) sent.clear();
            await stream.writeSSE({ event: 'change', id: next.uid, data: JSON.stringify({ change: next.change, uid: next.uid, wall: next.wall }) });
            continue;
          }
          // Sleep until a change arrives or it is time for a keep-alive comment.
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, keepAliveMs);
          });
          clearTimeout(timer);
          wake = null;
          if (open && queue.length === 0) await stream.write(': keep-alive\n\n');
        }
      } finally {
        clearTimeout(timer);
        sub.stop();
      }
    });
  });

  const document = openApiDocument(routes);
  app.get('/openapi.json', (c) => c.json(document));
  app.get('/health', async (c) => {
    await db.query('SELECT 1');
    return c.json({ ok: true, driver: db.driver });
  });

  return {
    app,
    routes,
    hub,
    services,
    async close() {
      await hub.close();
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenIdle.push(resolve))),
  };
}
