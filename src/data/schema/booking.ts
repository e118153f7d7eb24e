/** Resource bookings: the Grillhütte, the parish hall, a court. */
import * as z from 'zod/mini';
import { CalendarDate, Email, Id, Instant, line, PageRequest, Phone, Slug, text, TimeOfDay, TimeZone } from './common.js';

/**
 * `day`: booked in whole days (in the resource's time zone); durations count days.
 * `hour`: booked on a time grid of `step` minutes; durations count minutes.
 */
export const BookingUnit = z.enum(['day', 'hour']);
export type BookingUnit = z.infer<typeof BookingUnit>;

export const Blackout = z.object({
  start: CalendarDate,
  /** Inclusive. */
  end: CalendarDate,
  reason: line(0, 120),
});
export type Blackout = z.infer<typeof Blackout>;

/** Opening hours for one ISO weekday (1 = Monday … 7 = Sunday); hour resources only. */
export const OpeningHours = z.object({
  weekday: z.int().check(z.minimum(1), z.maximum(7)),
  open: TimeOfDay,
  close: TimeOfDay,
});
export type OpeningHours = z.infer<typeof OpeningHours>;

export const Price = z.object({
  /** In minor units (cents). Display only: Dorfplatz takes no payments. */
  amount: z.int().check(z.nonnegative()),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  per: z.enum(['booking', 'day', 'hour']),
  note: line(0, 200),
});
export type Price = z.infer<typeof Price>;

export const BookingRules = z.object({
  unit: BookingUnit,
  /** Grid in minutes for `hour` resources (bookings start and end on it). */
  step: z.int().check(z.minimum(5), z.maximum(240)),
  /** In days (`day`) or minutes (`hour`). */
  minDuration: z.int().check(z.minimum(1)),
  maxDuration: z.int().check(z.minimum(1)),
  /** Minimum notice in minutes between now and the start. */
  leadTime: z.int().check(z.nonnegative()),
  /** Booking window: how many days ahead the start may lie. */
  maxAdvance: z.int().check(z.minimum(1), z.maximum(3660)),
  /** Minutes that must stay free after each booking (cleaning, handover). */
  buffer: z.int().check(z.nonnegative(), z.maximum(24 * 60)),
  approval: z.enum(['auto', 'manual']),
  blackouts: z.array(Blackout).check(z.maxLength(366)),
  /** Empty means "any time". */
  openingHours: z.array(OpeningHours).check(z.maxLength(21)),
  maxAttendees: z.nullable(z.int().check(z.minimum(1))),
  price: z.nullable(Price),
});
export type BookingRules = z.infer<typeof BookingRules>;

export const Resource = z.object({
  id: Slug,
  name: line(1, 120),
  description: text(0, 2000),
  location: line(0, 200),
  timeZone: TimeZone,
  /** House rules the requester accepts with each request. */
  houseRules: text(0, 4000),
  rules: BookingRules,
});
export type Resource = z.infer<typeof Resource>;

/** Slot-holding states: a requested or confirmed booking blocks its range for everyone. */
export const HOLDING_STATUSES = ['requested', 'confirmed'] as const;
export const BookingStatus = z.enum(['requested', 'confirmed', 'declined', 'cancelled']);
export type BookingStatus = z.infer<typeof BookingStatus>;

/** Private: only the requester (with the manage token) and admins ever see this. */
export const Requester = z.object({
  name: line(1, 120),
  email: Email,
  phone: z.optional(Phone),
});
export type Requester = z.infer<typeof Requester>;

const range = { start: Instant, end: Instant };
const endAfterStart = z.refine<{ start: string; end: string }>((v) => Date.parse(v.end) > Date.parse(v.start), {
  message: 'booking.endBeforeStart',
  path: ['end'],
});

export const BookingRequest = z
  .object({
    id: Id,
    resourceId: Slug,
    ...range,
    purpose: line(1, 200),
    attendees: z.int().check(z.minimum(1), z.maximum(100_000)),
    /** Shown publicly instead of "belegt" if the requester wants, e.g. "Sommerfest TSV". */
    publicLabel: line(0, 60),
    requester: Requester,
    acceptRules: z.literal(true),
  })
  .check(endAfterStart);
export type BookingRequest = z.infer<typeof BookingRequest>;

/** What every visitor sees of a booking: when, and whether it is confirmed. No person. */
export const PublicBooking = z.object({
  id: Id,
  resourceId: Slug,
  ...range,
  status: z.enum(HOLDING_STATUSES),
  publicLabel: line(0, 60),
});
export type PublicBooking = z.infer<typeof PublicBooking>;

export const Booking = z.object({
  id: Id,
  resourceId: Slug,
  ...range,
  status: BookingStatus,
  publicLabel: line(0, 60),
  purpose: line(1, 200),
  attendees: z.int().check(z.minimum(1)),
  requester: Requester,
  createdAt: Instant,
  decidedAt: z.nullable(Instant),
  reason: z.nullable(line(0, 500)),
});
export type Booking = z.infer<typeof Booking>;

/** Returned once, to the requester: the token is the key to see and cancel the booking. */
export const BookingReceipt = z.object({ booking: Booking, manageToken: z.string().check(z.minLength(16)) });
export type BookingReceipt = z.infer<typeof BookingReceipt>;

export const MAX_OCCUPANCY_RANGE_DAYS = 100;
export const OccupancyQuery = z
  .object({ resourceId: Slug, ...range })
  .check(
    endAfterStart,
    z.refine((v) => Date.parse(v.end) - Date.parse(v.start) <= MAX_OCCUPANCY_RANGE_DAYS * 86_400_000, {
      message: 'booking.rangeTooLong',
      path: ['end'],
    }),
  );
export type OccupancyQuery = z.infer<typeof OccupancyQuery>;

export const BookingQuery = z.extend(PageRequest, {
  resourceId: z.optional(Slug),
  status: z.optional(BookingStatus),
});
export type BookingQuery = z.infer<typeof BookingQuery>;

export const BookingDecision = z
  .object({
    id: Id,
    decision: z.enum(['confirm', 'decline']),
    reason: line(0, 500),
  })
  .check(
    z.refine((v) => v.decision === 'confirm' || v.reason.length > 0, {
      message: 'booking.declineNeedsReason',
      path: ['reason'],
    }),
  );
export type BookingDecision = z.infer<typeof BookingDecision>;

/** Free ranges near a conflicting request, offered instead (in `BackendError.details`). */
export const Alternative = z.object(range);
export type Alternative = z.infer<typeof Alternative>;
