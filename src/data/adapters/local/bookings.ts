/**
 * Resource bookings on IndexedDB.
 *
 * Permissions: resources, occupancy and `request` are open to everyone, anonymous visitors
 * included (the requester's contact comes with the request). The manage token is the only key to
 * `getByToken`/`cancelByToken`. `saveResource`, `list`, `decide` and `cancel`: community admins.
 *
 * No two slot-holding bookings overlap: `request` reads the neighbours through the sparse
 * `holding` index (`[resourceId, start, id]`, present only on requested/confirmed bookings) and
 * writes in the same read-write transaction, and IndexedDB runs overlapping read-write
 * transactions one after another, across tabs and connections.
 */
import { BackendError, parse, type BookingsApi } from '../../backend.js';
import {
  BookingDecision, BookingQuery, BookingRequest, HOLDING_STATUSES, Id, line, OccupancyQuery, Resource, Slug,
  type Booking, type BookingReceipt, type Page, type PublicBooking,
} from '../../schema/index.js';
import { alternativeSearchWindow, checkBookingRules, findAlternatives, rangesConflict, type TimeRange } from '../../rules/booking.js';
import { generateManageToken } from '../../rules/token.js';
import type { Core } from './core.js';
import {
  forbidden, invalid, isAdmin, iso, MINUTE_MS, notFound, pageOf, throwIfIssues, type CursorSource,
} from './domain.js';
import type { BookingRecord } from './schema.js';

/** Adds or drops the `hold` key: only requested and confirmed bookings block their range. */
export function indexBooking(booking: Omit<BookingRecord, 'hold'>): BookingRecord {
  const { hold: _, ...fields } = booking as BookingRecord;
  const holds = (HOLDING_STATUSES as readonly string[]).includes(booking.status);
  return holds ? { ...fields, hold: [booking.resourceId, booking.start, booking.id] } : fields;
}

/** The private view, for the requester (token) and admins. */
function toBooking(r: BookingRecord): Booking {
  const requester: Booking['requester'] = { name: r.requester.name, email: r.requester.email };
  if (r.requester.phone) requester.phone = r.requester.phone;
  return {
    id: r.id, resourceId: r.resourceId, start: r.start, end: r.end, status: r.status, publicLabel: r.publicLabel,
    purpose: r.purpose, attendees: r.attendees, requester, createdAt: r.createdAt, decidedAt: r.decidedAt, reason: r.reason,
  };
}

/** The public view, field by field: no requester, no purpose. */
function toPublic(r: BookingRecord): PublicBooking {
  return { id: r.id, resourceId: r.resourceId, start: r.start, end: r.end, status: r.status as PublicBooking['status'], publicLabel: r.publicLabel };
}

const rangeOf = (b: BookingRecord): TimeRange => ({ start: Date.parse(b.start), end: Date.parse(b.end) });

/**
 * Holding bookings of a resource that reach into `[from, to)`: those starting inside, plus the
 * single last one starting before `from`. Holding bookings never overlap each other, so no
 * earlier one can still be running at `from`.
 */
async function holdingWithin(index: CursorSource<BookingRecord>, resourceId: string, from: number, to: number): Promise<BookingRecord[]> {
  const fromIso = new Date(from).toISOString();
  const toIso = new Date(to).toISOString();
  const found: BookingRecord[] = [];
  const before = await index.openCursor(IDBKeyRange.bound([resourceId], [resourceId, fromIso], false, true), 'prev');
  if (before && Date.parse(before.value.end) > from) found.push(before.value);
  for (let c = await index.openCursor(IDBKeyRange.bound([resourceId, fromIso], [resourceId, toIso], false, true)); c; c = await c.continue()) {
    found.push(c.value);
  }
  return found;
}

function validToken(token: unknown): token is string {
  return typeof token === 'string' && token.length >= 16 && token.length <= 200;
}

export class LocalBookings implements BookingsApi {
  constructor(private readonly core: Core) {}

  private async requireAdmin(): Promise<void> {
    if (!isAdmin(await this.core.actor())) throw forbidden('adminsOnly');
  }

  async listResources(): Promise<Resource[]> {
    return this.core.read(['resources'], async (tx) => {
      const resources: Resource[] = [];
      for (let c = await tx.objectStore('resources').index('byName').openCursor(); c; c = await c.continue()) resources.push(c.value);
      return resources;
    });
  }

  async getResource(resourceId: string): Promise<Resource> {
    parse(Slug, resourceId);
    const resource = await this.core.read(['resources'], (tx) => tx.objectStore('resources').get(resourceId));
    if (!resource) throw notFound('Resource');
    return resource;
  }

  async saveResource(input: Resource): Promise<Resource> {
    const resource = parse(Resource, input);
    await this.requireAdmin();
    if (resource.rules.minDuration > resource.rules.maxDuration) throw invalid('rules.maxDuration', 'booking.maxBelowMin');
    return this.core.write(['resources'], async (tx, changes) => {
      const existed = await tx.objectStore('resources').getKey(resource.id);
      await tx.objectStore('resources').put(resource);
      changes.push({ topic: `bookings/${resource.id}`, kind: existed ? 'updated' : 'created', entity: 'resource', id: resource.id });
      return resource;
    });
  }

  /** Requested and confirmed bookings overlapping the range, oldest first, without any person. */
  async occupancy(query: OccupancyQuery): Promise<PublicBooking[]> {
    const q = parse(OccupancyQuery, query);
    return this.core.read(['resources', 'bookings'], async (tx) => {
      if (!(await tx.objectStore('resources').getKey(q.resourceId))) throw notFound('Resource');
      const index = tx.objectStore('bookings').index('holding');
      const bookings = await holdingWithin(index, q.resourceId, Date.parse(q.start), Date.parse(q.end));
      return bookings.map(toPublic);
    });
  }

  /**
   * No subscription address: the data lives in this browser, which no calendar app can reach.
   * `null` for a known resource (widgets offer the occupancy as a download instead).
   */
  async calendarUrl(resourceId: string): Promise<string | null> {
    parse(Slug, resourceId);
    const known = await this.core.read(['resources'], (tx) => tx.objectStore('resources').getKey(resourceId));
    if (known === undefined) throw notFound('Resource');
    return null;
  }

  /**
   * Checks the resource's rules (`validation` with `booking.*` issues), then overlap and insert in
   * one transaction. On overlap: `conflict` with `alternatives`, the nearest free ranges of the
   * same length that pass the rules. Auto-approval resources confirm at once. A replayed id
   * returns the first receipt (same manage token) even if the new input differs.
   */
  async request(input: BookingRequest): Promise<BookingReceipt> {
    const req = parse(BookingRequest, input);
    const start = iso(req.start);
    const end = iso(req.end);
    const manageToken = generateManageToken();
    const now = this.core.now();
    type Outcome = { receipt: BookingReceipt } | { conflict: { resource: Resource; holding: TimeRange[] } };
    const outcome = await this.core.write<Outcome>(['resources', 'bookings'], async (tx, changes) => {
      const bookings = tx.objectStore('bookings');
      const existing = await bookings.get(req.id);
      if (existing) return { receipt: { booking: toBooking(existing), manageToken: existing.manageToken } };
      const resource = await tx.objectStore('resources').get(req.resourceId);
      if (!resource) throw notFound('Resource');
      throwIfIssues(checkBookingRules(resource, { start, end, attendees: req.attendees }, now));
      const wanted = { start: Date.parse(start), end: Date.parse(end) };
      const buffer = resource.rules.buffer * MINUTE_MS;
      const index = bookings.index('holding');
      const neighbours = await holdingWithin(index, resource.id, wanted.start - buffer, wanted.end + buffer);
      if (neighbours.some((b) => rangesConflict(wanted, rangeOf(b), resource.rules.buffer))) {
        // Read what the alternative search needs now; compute it after the transaction.
        const window = alternativeSearchWindow(resource, { start, end });
        const holding = await holdingWithin(index, resource.id, window.start - buffer, window.end + buffer);
        return { conflict: { resource, holding: holding.map(rangeOf) } };
      }
      const confirmed = resource.rules.approval === 'auto';
      const record = indexBooking({
        id: req.id, resourceId: req.resourceId, start, end, status: confirmed ? 'confirmed' : 'requested',
        publicLabel: req.publicLabel, purpose: req.purpose, attendees: req.attendees, requester: req.requester,
        createdAt: now.toISOString(), decidedAt: confirmed ? now.toISOString() : null, reason: null, manageToken,
      });
      await bookings.put(record);
      changes.push({ topic: `bookings/${req.resourceId}`, kind: 'created', entity: 'booking', id: req.id });
      return { receipt: { booking: toBooking(record), manageToken } };
    });
    if ('receipt' in outcome) return outcome.receipt;
    const { resource, holding } = outcome.conflict;
    const alternatives = findAlternatives(resource, { start, end, attendees: req.attendees }, holding, now);
    throw new BackendError('conflict', 'booking.overlap', { alternatives, issues: [{ path: 'start', code: 'booking.overlap' }] });
  }

  async getByToken(manageToken: string): Promise<Booking> {
    if (!validToken(manageToken)) throw notFound('Booking');
    const record = await this.core.read(['bookings'], (tx) => tx.objectStore('bookings').index('byToken').get(manageToken));
    if (!record) throw notFound('Booking');
    return toBooking(record);
  }

  /** Frees the slot. Only before the booking starts (`booking.alreadyStarted`); repeating it is harmless. */
  async cancelByToken(manageToken: string): Promise<Booking> {
    if (!validToken(manageToken)) throw notFound('Booking');
    const now = this.core.now();
    return this.core.write(['bookings'], async (tx, changes) => {
      const record = await tx.objectStore('bookings').index('byToken').get(manageToken);
      if (!record) throw notFound('Booking');
      if (record.status === 'cancelled' || record.status === 'declined') return toBooking(record);
      if (Date.parse(record.start) <= now.getTime()) throw invalid('start', 'booking.alreadyStarted');
      const updated = indexBooking({ ...record, status: 'cancelled', decidedAt: now.toISOString() });
      await tx.objectStore('bookings').put(updated);
      changes.push({ topic: `bookings/${record.resourceId}`, kind: 'updated', entity: 'booking', id: record.id });
      return toBooking(updated);
    });
  }

  /** Admins: bookings in calendar order, filtered by resource and/or status through an index. */
  async list(query: BookingQuery): Promise<Page<Booking>> {
    const q = parse(BookingQuery, query);
    await this.requireAdmin();
    return this.core.read(['bookings'], async (tx) => {
      const bookings = tx.objectStore('bookings');
      if (q.resourceId && q.status) {
        return pageOf(bookings.index('byResourceStatus'), 'bookings.rs', [q.resourceId, q.status], q, 'next', toBooking);
      }
      if (q.resourceId) return pageOf(bookings.index('byResource'), 'bookings.r', [q.resourceId], q, 'next', toBooking);
      if (q.status) return pageOf(bookings.index('byStatus'), 'bookings.s', [q.status], q, 'next', toBooking);
      return pageOf(bookings.index('byStart'), 'bookings', [], q, 'next', toBooking);
    });
  }

  /** Admins: only requested bookings can be decided (`booking.notPending`); the same decision again is a no-op. */
  async decide(input: BookingDecision): Promise<Booking> {
    const decision = parse(BookingDecision, input);
    await this.requireAdmin();
    const now = this.core.now().toISOString();
    const status = decision.decision === 'confirm' ? 'confirmed' : 'declined';
    return this.core.write(['bookings'], async (tx, changes) => {
      const record = await tx.objectStore('bookings').get(decision.id);
      if (!record) throw notFound('Booking');
      if (record.status === status) return toBooking(record);
      if (record.status !== 'requested') throw invalid('id', 'booking.notPending', { status: record.status });
      const updated = indexBooking({ ...record, status, decidedAt: now, reason: decision.reason || null });
      await tx.objectStore('bookings').put(updated);
      changes.push({ topic: `bookings/${record.resourceId}`, kind: 'updated', entity: 'booking', id: record.id });
      return toBooking(updated);
    });
  }

  /** Admins: cancels a requested or confirmed booking with a reason shown to the requester. */
  async cancel(bookingId: string, reason: string): Promise<Booking> {
    parse(Id, bookingId);
    const why = parse(line(0, 500), reason);
    await this.requireAdmin();
    const now = this.core.now().toISOString();
    return this.core.write(['bookings'], async (tx, changes) => {
      const record = await tx.objectStore('bookings').get(bookingId);
      if (!record) throw notFound('Booking');
      if (record.status === 'cancelled' || record.status === 'declined') return toBooking(record);
      const updated = indexBooking({ ...record, status: 'cancelled', decidedAt: now, reason: why || null });
      await tx.objectStore('bookings').put(updated);
      changes.push({ topic: `bookings/${record.resourceId}`, kind: 'updated', entity: 'booking', id: record.id });
      return toBooking(updated);
    });
  }
}
