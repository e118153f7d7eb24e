/**
 * Bookings. No two slot-holding bookings of a resource overlap: the exclusion constraint
 * `bookings_no_overlap` (btree_gist over `[start, end + buffer)`, requested/confirmed only)
 * decides inside PostgreSQL, whatever number of server processes race. A violation (23P01)
 * becomes `conflict` with alternatives from the shared rules.
 *
 * Permissions as in the local adapter: resources, occupancy and requests are open to everyone;
 * the manage token is the only key to a booking; saving resources, listing, deciding and
 * cancelling are for community admins.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { BackendError } from '../../../src/data/backend.js';
import { toICalendar, type ICalEvent } from '../../../src/core/ical.js';
import { addDays, calendarDayOf } from '../../../src/data/rules/zoned.js';
import {
  Booking, BookingDecision, BookingQuery, BookingReceipt, BookingRequest, Id, line, OccupancyQuery, page, PublicBooking, Resource, Slug,
} from '../../../src/data/schema/index.js';
import { alternativeSearchWindow, checkBookingRules, findAlternatives, type TimeRange } from '../../../src/data/rules/booking.js';
import { generateManageToken } from '../../../src/data/rules/token.js';
import { PG, pgCode, type Sql } from '../db.js';
import { CHANNEL, ChangeHub } from '../changes.js';
import { invalid, notFound, throwIfIssues } from '../errors.js';
import type { Ctx, Route } from '../http.js';
import { cursorKey, iso, isoOrNull, limitOf, pageFrom, requireAdmin } from './common.js';
import { enqueueMail } from '../mail.js';
import { decisionMail } from '../mail-text.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The calendar feed: from this many days back to the end of the booking window, at most `CALENDAR_MAX_EVENTS`. */
export const CALENDAR_PAST_DAYS = 30;
export const CALENDAR_MAX_EVENTS = 2000;
/** How long calendar apps and proxies may keep a copy of the feed. */
const CALENDAR_MAX_AGE = 300;

/** What a subscribed calendar shows instead of a person: per community locale. */
const CALENDAR_WORDS = {
  de: { confirmed: 'belegt', requested: 'angefragt' },
  en: { confirmed: 'booked', requested: 'requested' },
} as const;

const CalendarLink = z.object({ url: z.string() });

/** Where the resource's subscribable feed lives (root-relative unless the server knows its public URL). */
const calendarPath = (ctx: Ctx, resourceId: string) =>
  `${ctx.services.basePath}/c/${ctx.community.id}/bookings/resources/${encodeURIComponent(resourceId)}/calendar.ics`;

/**
 * The public occupancy as iCalendar, like the calendar widget's download: `day` resources as
 * all-day events on the resource's calendar days, `hour` resources as UTC instants. Only
 * when, whether confirmed and the label the requester chose to show: no person, no purpose.
 */
function occupancyCalendar(ctx: Ctx, resource: Resource, rows: CalendarRow[]): string {
  const words = CALENDAR_WORDS[ctx.community.locale] ?? CALENDAR_WORDS.de;
  const events = rows.map((r): ICalEvent => {
    const start = iso(r.start_at);
    const end = iso(r.end_at);
    const when = resource.rules.unit === 'day'
      ? { start: calendarDayOf(start, resource.timeZone), end: addDays(calendarDayOf(Date.parse(end) - 1, resource.timeZone), 1) }
      : { start: new Date(start), end: new Date(end) };
    const word = words[r.status];
    return {
      uid: `${r.id}@${ctx.community.id}.dorfplatz`,
      ...when,
      summary: r.public_label ? `${word}: ${r.public_label}` : word,
      location: resource.location || resource.name,
      // The last change of the booking, so the same data gives the same bytes (and ETag).
      stamp: iso(r.decided_at ?? r.created_at),
    };
  });
  return toICalendar(events, { prodId: '-//Dorfplatz//Booking calendar//EN', name: resource.name });
}

interface CalendarRow {
  id: string;
  start_at: Date | string;
  end_at: Date | string;
  status: 'requested' | 'confirmed';
  public_label: string;
  created_at: Date | string;
  decided_at: Date | string | null;
}

interface BookingRow {
  id: string;
  resource_id: string;
  start_at: Date | string;
  end_at: Date | string;
  status: Booking['status'];
  public_label: string;
  purpose: string;
  attendees: number;
  requester: Booking['requester'];
  created_at: Date | string;
  decided_at: Date | string | null;
  reason: string | null;
  manage_token: string;
  contact_removed_at: Date | string | null;
}

const COLUMNS = 'id, resource_id, start_at, end_at, status, public_label, purpose, attendees, requester, created_at, decided_at, reason, manage_token, contact_removed_at';

function toBooking(r: BookingRow): Booking {
  const requester: Booking['requester'] = { name: r.requester.name, email: r.requester.email };
  if (r.requester.phone) requester.phone = r.requester.phone;
  return {
    id: r.id, resourceId: r.resource_id, start: iso(r.start_at), end: iso(r.end_at), status: r.status, publicLabel: r.public_label,
    purpose: r.purpose, attendees: r.attendees, requester, createdAt: iso(r.created_at), decidedAt: isoOrNull(r.decided_at), reason: r.reason,
  };
}

/** The public view, column by column: no requester, no purpose. */
function toPublic(r: Pick<BookingRow, 'id' | 'resource_id' | 'start_at' | 'end_at' | 'status' | 'public_label'>): PublicBooking {
  return { id: r.id, resourceId: r.resource_id, start: iso(r.start_at), end: iso(r.end_at), status: r.status as PublicBooking['status'], publicLabel: r.public_label };
}

async function resourceOf(ctx: Ctx, sql: Sql, id: string): Promise<Resource | null> {
  const rows = await sql.query<{ data: Resource }>('SELECT data FROM resources WHERE community = $1 AND id = $2', [ctx.community.id, id]);
  return rows[0]?.data ?? null;
}

async function byId(ctx: Ctx, sql: Sql, id: string): Promise<BookingRow | null> {
  const rows = await sql.query<BookingRow>(`SELECT ${COLUMNS} FROM bookings WHERE community = $1 AND id = $2`, [ctx.community.id, id]);
  return rows[0] ?? null;
}

/** Holding bookings reaching into `[from, to)`. */
async function holdingWithin(ctx: Ctx, sql: Sql, resourceId: string, from: number, to: number): Promise<TimeRange[]> {
  const rows = await sql.query<{ start_at: Date | string; end_at: Date | string }>(
    `SELECT start_at, end_at FROM bookings
     WHERE community = $1 AND resource_id = $2 AND status IN ('requested', 'confirmed') AND start_at < $4 AND end_at > $3`,
    [ctx.community.id, resourceId, new Date(from), new Date(to)],
  );
  return rows.map((r) => ({ start: Date.parse(iso(r.start_at)), end: Date.parse(iso(r.end_at)) }));
}

function manageToken(ctx: Ctx): string {
  const token = ctx.header('x-manage-token') ?? '';
  if (token.length < 16 || token.length > 200) throw notFound('Booking');
  return token;
}

const change = (resourceId: string, kind: 'created' | 'updated', entity: string, id: string) =>
  ({ topic: `bookings/${resourceId}`, kind, entity, id });

const CancelInput = z.object({ reason: line(0, 500) });

export function bookingRoutes(): Route[] {
  /** Changes one booking's status; `tell`: e-mail the requester (admins' decisions, with SMTP). */
  const update = async (ctx: Ctx, where: string, param: string, next: (row: BookingRow) => Partial<BookingRow> | null | 'unchanged', tell = false) =>
    ctx.write(async (tx, changes) => {
      const rows = await tx.query<BookingRow>(`SELECT ${COLUMNS} FROM bookings WHERE community = $1 AND ${where} FOR UPDATE`, [ctx.community.id, param]);
      const row = rows[0];
      if (!row) throw notFound('Booking');
      const patch = next(row);
      if (patch === null || patch === 'unchanged') return toBooking(row);
      const updated = { ...row, ...patch };
      await tx.query(
        'UPDATE bookings SET status = $3, decided_at = $4, reason = $5 WHERE community = $1 AND id = $2',
        [ctx.community.id, row.id, updated.status, updated.decided_at, updated.reason],
      );
      changes.push(change(row.resource_id, 'updated', 'booking', row.id));
      if (tell && ctx.services.mail && updated.status !== 'requested' && !row.contact_removed_at) {
        const resource = await resourceOf(ctx, tx, row.resource_id);
        const requester = toBooking(updated).requester;
        await enqueueMail(tx, ctx.community.id, decisionMail({
          locale: ctx.community.locale, communityName: ctx.community.name, resourceName: resource?.name ?? row.resource_id,
          timeZone: resource?.timeZone ?? ctx.community.time_zone, unit: resource?.rules.unit ?? 'hour',
          start: iso(row.start_at), end: iso(row.end_at), status: updated.status, reason: updated.reason,
          requesterName: requester.name, to: requester.email,
        }));
      }
      return toBooking(updated);
    });

  return [
    {
      method: 'get', path: '/bookings/resources', tag: 'bookings', summary: 'Bookable resources', response: z.array(Resource),
      handler: async (ctx) =>
        (await ctx.db.query<{ data: Resource }>('SELECT data FROM resources WHERE community = $1 ORDER BY name, id', [ctx.community.id])).map((r) => r.data),
    },
    {
      method: 'get', path: '/bookings/resources/:resourceId', tag: 'bookings', summary: 'One resource', params: { resourceId: Slug }, response: Resource,
      handler: async (ctx) => {
        const resource = await resourceOf(ctx, ctx.db, ctx.params.resourceId!);
        if (!resource) throw notFound('Resource');
        return resource;
      },
    },
    {
      method: 'put', path: '/bookings/resources', tag: 'bookings', summary: 'Admins: create or update a resource', body: Resource, response: Resource,
      handler: async (ctx: Ctx<Resource>) => {
        requireAdmin(ctx.member);
        const resource = ctx.body;
        if (resource.rules.minDuration > resource.rules.maxDuration) throw invalid('rules.maxDuration', 'booking.maxBelowMin');
        return ctx.write(async (tx, changes) => {
          const rows = await tx.query<{ inserted: boolean }>(
            `INSERT INTO resources (community, id, name, data) VALUES ($1, $2, $3, $4)
             ON CONFLICT (community, id) DO UPDATE SET name = excluded.name, data = excluded.data
             RETURNING (xmax = 0) AS inserted`,
            [ctx.community.id, resource.id, resource.name, JSON.stringify(resource)],
          );
          changes.push(change(resource.id, rows[0]?.inserted ? 'created' : 'updated', 'resource', resource.id));
          return resource;
        });
      },
    },
    {
      method: 'get', path: '/bookings/occupancy', tag: 'bookings', summary: 'Public occupancy of a range: when, and whether confirmed',
      query: OccupancyQuery, response: z.array(PublicBooking),
      handler: async (ctx: Ctx<unknown, OccupancyQuery>) => {
        const q = ctx.query;
        const rows = await ctx.db.query<BookingRow & { known: boolean }>(
          `SELECT r.id IS NOT NULL AS known, b.id, b.resource_id, b.start_at, b.end_at, b.status, b.public_label
           FROM (SELECT 1) one
           LEFT JOIN resources r ON r.community = $1 AND r.id = $2
           LEFT JOIN bookings b ON b.community = $1 AND b.resource_id = $2 AND b.status IN ('requested', 'confirmed')
             AND b.start_at < $4 AND b.end_at > $3
           ORDER BY b.start_at, b.id`,
          [ctx.community.id, q.resourceId, new Date(q.start), new Date(q.end)],
        );
        if (!rows[0]?.known) throw notFound('Resource');
        return rows.filter((r) => r.id !== null).map(toPublic);
      },
    },
    {
      method: 'get', path: '/bookings/resources/:resourceId/calendar', tag: 'bookings',
      summary: 'The address of the resource\'s occupancy feed (iCalendar) for calendar subscriptions',
      params: { resourceId: Slug }, response: CalendarLink,
      handler: async (ctx) => {
        const resourceId = ctx.params.resourceId!;
        if (!(await resourceOf(ctx, ctx.db, resourceId))) throw notFound('Resource');
        return { url: calendarPath(ctx, resourceId) };
      },
    },
    {
      method: 'get', path: '/bookings/resources/:resourceId/calendar.ics', tag: 'bookings',
      summary: `Public occupancy as iCalendar (requested and confirmed, ${CALENDAR_PAST_DAYS} days back to the end of the booking window, no person)`,
      params: { resourceId: Slug }, raw: true, produces: 'text/calendar',
      handler: async (ctx) => {
        const resource = await resourceOf(ctx, ctx.db, ctx.params.resourceId!);
        if (!resource) throw notFound('Resource');
        const from = new Date(ctx.now.getTime() - CALENDAR_PAST_DAYS * DAY);
        // One day beyond the window, so a window counted in calendar days is never cut short.
        const to = new Date(ctx.now.getTime() + (resource.rules.maxAdvance + 1) * DAY);
        const rows = await ctx.db.query<CalendarRow>(
          `SELECT id, start_at, end_at, status, public_label, created_at, decided_at FROM bookings
           WHERE community = $1 AND resource_id = $2 AND status IN ('requested', 'confirmed') AND end_at > $3 AND start_at < $4
           ORDER BY start_at, id LIMIT ${CALENDAR_MAX_EVENTS}`,
          [ctx.community.id, resource.id, from, to],
        );
        const text = occupancyCalendar(ctx, resource, rows);
        const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
        const headers: Record<string, string> = {
          'Cache-Control': `public, max-age=${CALENDAR_MAX_AGE}`,
          ETag: etag,
          'X-Content-Type-Options': 'nosniff',
          'Cross-Origin-Resource-Policy': 'cross-origin',
        };
        const match = ctx.header('if-none-match');
        if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
        return new Response(text, {
          headers: {
            ...headers,
            'Content-Type': 'text/calendar; charset=utf-8',
            'Content-Disposition': `inline; filename="${resource.id}.ics"`,
          },
        });
      },
    },
    {
      method: 'post', path: '/bookings/requests', tag: 'bookings', summary: 'Request a booking (conflict with alternatives on overlap)',
      body: BookingRequest, response: BookingReceipt,
      handler: async (ctx: Ctx<BookingRequest>) => {
        const req = ctx.body;
        // The hot path in two round trips: the replay check and the resource in one query, then
        // the insert and its announcement in one statement (atomic on its own, so the NOTIFY is
        // delivered exactly when the row commits, and not at all when the constraint refuses it).
        const [found] = await ctx.db.query<{ existing: BookingRow | null; resource: Resource | null }>(
          `SELECT (SELECT to_jsonb(b) FROM (SELECT ${COLUMNS} FROM bookings WHERE community = $1 AND id = $2) b) AS existing,
                  (SELECT data FROM resources WHERE community = $1 AND id = $3) AS resource`,
          [ctx.community.id, req.id, req.resourceId],
        );
        if (found?.existing) return { booking: toBooking(found.existing), manageToken: found.existing.manage_token };
        const resource = found?.resource;
        if (!resource) throw notFound('Resource');
        const start = Date.parse(req.start);
        const end = Date.parse(req.end);
        throwIfIssues(checkBookingRules(resource, { start, end, attendees: req.attendees }, ctx.now));
        const confirmed = resource.rules.approval === 'auto';
        const token = generateManageToken();
        try {
          // One statement, atomic on its own. Advisory locks on the resource's (UTC) days the range
          // touches, taken in ascending order, queue inserts that could collide, so two of them
          // never wait on each other (which PostgreSQL would end as a deadlock after a second);
          // inserts on other days run in parallel. The exclusion constraint decides; the NOTIFY
          // goes out exactly when the row commits.
          const rows = await ctx.db.query<BookingRow>(
            `WITH locked AS (
               SELECT count(*) AS days FROM (
                 SELECT pg_advisory_xact_lock(hashtext('booking/' || $1 || '/' || $3), d)
                 FROM generate_series(floor(extract(epoch FROM $4::timestamptz) / 86400)::int, floor(extract(epoch FROM $6::timestamptz) / 86400)::int) AS d
               ) l),
             inserted AS (
               INSERT INTO bookings (community, id, resource_id, start_at, end_at, held, status, public_label, purpose, attendees,
                 requester, created_at, decided_at, reason, manage_token)
               SELECT $1, $2, $3, $4, $5, tstzrange($4, $6, '[)'), $7, $8, $9, $10, $11, $12, $13, NULL, $14 FROM locked
               RETURNING ${COLUMNS})
             SELECT inserted.*, pg_notify($15, $16) FROM inserted`,
            [
              ctx.community.id, req.id, req.resourceId, new Date(start), new Date(end), new Date(end + resource.rules.buffer * MINUTE),
              confirmed ? 'confirmed' : 'requested', req.publicLabel, req.purpose, req.attendees, JSON.stringify(req.requester),
              ctx.now, confirmed ? ctx.now : null, token,
              CHANNEL, ChangeHub.payload(ctx.community.id, change(req.resourceId, 'created', 'booking', req.id), ctx.now.toISOString()),
            ],
          );
          const row = rows[0]!;
          return { booking: toBooking(row), manageToken: row.manage_token };
        } catch (error) {
          const code = pgCode(error);
          if (code !== PG.exclusionViolation && code !== PG.uniqueViolation) throw error;
          // A retry racing the first delivery of the same id gets the first result.
          const first = await byId(ctx, ctx.db, req.id);
          if (first) return { booking: toBooking(first), manageToken: first.manage_token };
          if (code === PG.uniqueViolation) throw new BackendError('conflict', 'This id is already in use.');
          const buffer = resource.rules.buffer * MINUTE;
          const window = alternativeSearchWindow(resource, { start, end });
          const holding = await holdingWithin(ctx, ctx.db, resource.id, window.start - buffer, window.end + buffer);
          const alternatives = findAlternatives(resource, { start, end, attendees: req.attendees }, holding, ctx.now);
          throw new BackendError('conflict', 'booking.overlap', { alternatives, issues: [{ path: 'start', code: 'booking.overlap' }] });
        }
      },
    },
    {
      method: 'get', path: '/bookings/manage', tag: 'bookings', summary: 'The booking of a manage token (header X-Manage-Token)', response: Booking,
      handler: async (ctx) => {
        const rows = await ctx.db.query<BookingRow>(`SELECT ${COLUMNS} FROM bookings WHERE community = $1 AND manage_token = $2`, [ctx.community.id, manageToken(ctx)]);
        if (!rows[0]) throw notFound('Booking');
        return toBooking(rows[0]);
      },
    },
    {
      method: 'post', path: '/bookings/manage/cancel', tag: 'bookings', summary: 'The requester cancels (header X-Manage-Token)', response: Booking,
      handler: async (ctx) => update(ctx, 'manage_token = $2', manageToken(ctx), (row) => {
        if (row.status === 'cancelled' || row.status === 'declined') return 'unchanged';
        if (Date.parse(iso(row.start_at)) <= ctx.now.getTime()) throw invalid('start', 'booking.alreadyStarted');
        return { status: 'cancelled', decided_at: ctx.now.toISOString() };
      }),
    },
    {
      method: 'get', path: '/bookings', tag: 'bookings', summary: 'Admins: bookings in calendar order', query: BookingQuery, response: page(Booking),
      handler: async (ctx: Ctx<unknown, BookingQuery>) => {
        requireAdmin(ctx.member);
        const q = ctx.query;
        const limit = limitOf(q);
        const after = cursorKey(q.cursor, 'bookings', 2);
        const rows = await ctx.db.query<BookingRow>(
          `SELECT ${COLUMNS} FROM bookings WHERE community = $1
             AND ($2::text IS NULL OR resource_id = $2) AND ($3::text IS NULL OR status = $3)
             AND ($4::timestamptz IS NULL OR (start_at, id) > ($4::timestamptz, $5::text))
           ORDER BY start_at, id LIMIT $6`,
          [ctx.community.id, q.resourceId ?? null, q.status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
        );
        return pageFrom(rows, limit, 'bookings', (r) => [iso(r.start_at), r.id], toBooking);
      },
    },
    {
      method: 'post', path: '/bookings/decisions', tag: 'bookings', summary: 'Admins: confirm or decline a requested booking',
      body: BookingDecision, response: Booking,
      handler: async (ctx: Ctx<BookingDecision>) => {
        requireAdmin(ctx.member);
        const d = ctx.body;
        const status = d.decision === 'confirm' ? 'confirmed' : 'declined';
        return update(ctx, 'id = $2', d.id, (row) => {
          if (row.status === status) return 'unchanged';
          if (row.status !== 'requested') throw invalid('id', 'booking.notPending', { status: row.status });
          return { status, decided_at: ctx.now.toISOString(), reason: d.reason || null };
        }, true);
      },
    },
    {
      method: 'post', path: '/bookings/:bookingId/cancel', tag: 'bookings', summary: 'Admins: cancel a booking with a reason',
      params: { bookingId: Id }, body: CancelInput, response: Booking,
      handler: async (ctx: Ctx<z.infer<typeof CancelInput>>) => {
        requireAdmin(ctx.member);
        return update(ctx, 'id = $2', ctx.params.bookingId!, (row) => {
          if (row.status === 'cancelled' || row.status === 'declined') return 'unchanged';
          return { status: 'cancelled', decided_at: ctx.now.toISOString(), reason: ctx.body.reason || null };
        }, true);
      },
    },
  ];
}
