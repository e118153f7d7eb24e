/**
 * Builders shared by the samples: they fill in the defaults of a record so each sample reads
 * like a story, and the booking planner that puts bookings where the resource's rules allow.
 */
import { EXPIRY_DAYS } from '../schema/lost-found.js';
import type { Dataset, Reaction, Resource, SeedPost } from '../schema/index.js';
import { addDays, Clock, daysBetween, isoWeekday, minutesOf, MS, toIso, type Span } from './time.js';

export type SeedGroup = Dataset['groups'][number];
export type SeedItem = Dataset['items'][number];
export type SeedBooking = Dataset['bookings'][number];
export type SeedAward = Dataset['awards'][number];
export type SeedCheckIn = Dataset['checkIns'][number];
export type Achievement = Dataset['achievements'][number];
export type Member = Dataset['members'][number];
export type Path = Dataset['paths'][number];
export type Requester = SeedBooking['requester'];

// ---------------------------------------------------------------------------------------------
// Feed

type PostSpec = Pick<SeedPost, 'id' | 'groupId' | 'kind' | 'title' | 'body' | 'authorId' | 'createdAt'> &
  Partial<Omit<SeedPost, 'id' | 'groupId' | 'kind' | 'title' | 'body' | 'authorId' | 'createdAt'>>;

export function post(spec: PostSpec): SeedPost {
  return {
    tags: [],
    expiresAt: null,
    attachments: [],
    call: null,
    pinned: false,
    reactions: [],
    comments: [],
    commitments: [],
    ...spec,
  };
}

/** `{ 'jonas-becker': ['like', 'thanks'] }` → one reaction record per member and kind. */
export function reactions(spec: Record<string, Reaction[]>): SeedPost['reactions'] {
  return Object.entries(spec).flatMap(([memberId, list]) => list.map((reaction) => ({ memberId, reaction })));
}

/**
 * Comments on a post, each `after` the post's creation (or the previous comment), never after now.
 */
export function comments(
  clock: Clock,
  postId: string,
  postCreatedAt: string,
  list: Array<{ by: string; after: Span; body: string }>,
): SeedPost['comments'] {
  let at = postCreatedAt;
  return list.map((c, i) => {
    at = clock.after(at, c.after);
    return { id: `${postId}-c${i + 1}`, authorId: c.by, body: c.body, createdAt: at };
  });
}

export function group(spec: Omit<SeedGroup, 'approveBeforePublish'> & { approveBeforePublish?: boolean }): SeedGroup {
  return { approveBeforePublish: false, ...spec };
}

// ---------------------------------------------------------------------------------------------
// Lost and found

type ItemSpec = Omit<SeedItem, 'createdAt' | 'expiresAt' | 'status' | 'photo' | 'point' | 'animal' | 'manageToken'> &
  Partial<Pick<SeedItem, 'status' | 'photo' | 'point' | 'animal'>> & {
    /** Local time of the report on the item's `date` (capped at now). */
    reportedAt?: string;
    /** Or a report `days` after the item's date (for reports made later). */
    reportedDaysLater?: number;
  };

/** A lost-and-found record; `expiresAt` follows the board's defaults (`EXPIRY_DAYS`). */
export function item(clock: Clock, spec: ItemSpec): SeedItem {
  const { reportedAt = '19:30', reportedDaysLater = 0, ...rest } = spec;
  const createdAt = clock.past(addDays(spec.date, reportedDaysLater), reportedAt);
  const expiresAt = toIso(Date.parse(createdAt) + EXPIRY_DAYS[spec.type] * MS.day);
  return {
    status: 'open',
    photo: null,
    point: null,
    animal: null,
    ...rest,
    createdAt,
    expiresAt,
    manageToken: `sample-manage-${spec.id}`.padEnd(16, '0'),
  };
}

// ---------------------------------------------------------------------------------------------
// Bookings

export interface Range {
  start: number;
  end: number;
}

/**
 * Places bookings where a resource's rules allow them: inside the booking window and the
 * opening hours, outside blackouts, on the time grid, and never overlapping (with the buffer)
 * a booking placed before. Searches forward from a preferred day, so every `now` gets a
 * plausible calendar — in winter the Grillhütte's bookings simply move to spring.
 */
export class BookingPlanner {
  readonly placed: Range[] = [];
  readonly bookings: SeedBooking[] = [];

  constructor(
    readonly resource: Resource,
    readonly clock: Clock,
  ) {}

  private get rules() {
    return this.resource.rules;
  }

  private inBlackout(firstDay: string, lastDay: string): boolean {
    return this.rules.blackouts.some((b) => b.start <= lastDay && b.end >= firstDay);
  }

  private free(range: Range): boolean {
    const buffer = this.rules.buffer * MS.minute;
    return this.placed.every((p) => !(range.start < p.end + buffer && p.start < range.end + buffer));
  }

  /** Lead time from the exact `now`; the window both in elapsed days and in calendar days. */
  private inWindow(range: Range, firstDay: string): boolean {
    const now = this.clock.now.getTime();
    const { leadTime, maxAdvance } = this.rules;
    return (
      range.start >= now + leadTime * MS.minute &&
      range.start <= now + maxAdvance * MS.day &&
      daysBetween(this.clock.today, firstDay) <= maxAdvance
    );
  }

  private withinOpeningHours(date: string, from: number, to: number): boolean {
    const hours = this.rules.openingHours;
    if (hours.length === 0) return true;
    const weekday = isoWeekday(date);
    return hours.some((h) => h.weekday === weekday && minutesOf(h.open) <= from && to <= minutesOf(h.close));
  }

  /** A whole-day booking of `days` days starting on one of `weekdays`, from `fromDay` on. */
  days(fromDay: number, weekdays: number[], days: number): Range {
    for (let offset = fromDay; offset < fromDay + 800; offset++) {
      const first = this.clock.day(offset);
      if (!weekdays.includes(isoWeekday(first))) continue;
      const last = addDays(first, days - 1);
      const range = { start: this.clock.atMs(first, '00:00'), end: this.clock.atMs(addDays(last, 1), '00:00') };
      if (this.inBlackout(first, last) || !this.inWindow(range, first) || !this.free(range)) continue;
      return range;
    }
    throw new Error(`No room for a ${days}-day booking at ${this.resource.id}`);
  }

  /** A booking from `time` for `minutes` on one of `weekdays`, from `fromDay` on. */
  hours(fromDay: number, weekdays: number[], time: string, minutes: number): Range {
    const from = minutesOf(time);
    for (let offset = fromDay; offset < fromDay + 800; offset++) {
      const date = this.clock.day(offset);
      if (!weekdays.includes(isoWeekday(date))) continue;
      if (this.inBlackout(date, date) || !this.withinOpeningHours(date, from, from + minutes)) continue;
      const start = this.clock.atMs(date, time);
      const range = { start, end: start + minutes * MS.minute };
      if (!this.inWindow(range, date) || !this.free(range)) continue;
      return range;
    }
    throw new Error(`No room for a ${minutes}-minute booking at ${this.resource.id}`);
  }

  /** Records a booking in a range found by `days`/`hours`. */
  add(
    range: Range,
    spec: {
      id: string;
      status: SeedBooking['status'];
      purpose: string;
      publicLabel?: string;
      attendees: number;
      requester: Requester;
      /** How long ago the request was made. */
      requested: Span;
      /** How long after the request an admin (or the automatic approval) decided. */
      decidedAfter?: Span;
      reason?: string;
    },
  ): SeedBooking {
    const createdAt = this.clock.ago(spec.requested);
    const decided = spec.status !== 'requested';
    const booking: SeedBooking = {
      id: spec.id,
      resourceId: this.resource.id,
      start: toIso(range.start),
      end: toIso(range.end),
      status: spec.status,
      publicLabel: spec.publicLabel ?? '',
      purpose: spec.purpose,
      attendees: spec.attendees,
      requester: spec.requester,
      createdAt,
      decidedAt: decided ? this.clock.after(createdAt, spec.decidedAfter ?? { h: 20 }) : null,
      reason: spec.reason ?? null,
      manageToken: `sample-booking-${spec.id}`.padEnd(16, '0'),
    };
    this.placed.push(range);
    this.bookings.push(booking);
    return booking;
  }
}

// ---------------------------------------------------------------------------------------------
// Badges

/**
 * A small round badge as an SVG data URL: a coloured disc, a ring and a short label.
 * Light enough to live in a dataset; the library may render richer ones.
 */
export function badgeImage(colour: string, label: string): string {
  const safe = label.replace(/[<>&"']/g, '');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" role="img">` +
    `<circle cx="60" cy="60" r="56" fill="${colour}"/>` +
    `<circle cx="60" cy="60" r="46" fill="none" stroke="#fff" stroke-width="4" stroke-dasharray="6 5"/>` +
    `<text x="60" y="71" text-anchor="middle" font-family="system-ui,sans-serif" font-size="30" font-weight="700" fill="#fff">${safe}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

type AwardSpec = Omit<SeedAward, 'expires' | 'revoked' | 'revocationReason' | 'evidence' | 'note' | 'onWall'> &
  Partial<SeedAward>;

export function award(spec: AwardSpec): SeedAward {
  return {
    expires: null,
    revoked: false,
    revocationReason: null,
    evidence: [],
    note: '',
    onWall: false,
    ...spec,
  };
}

// ---------------------------------------------------------------------------------------------
// Cohort check-ins

/**
 * Check-ins of one member: `pattern` reads from the cohort's first day, `x` = checked in,
 * anything else = missed; days after today are ignored (nobody checks in tomorrow).
 */
export function checkIns(clock: Clock, cohortId: string, start: string, memberId: string, pattern: string): SeedCheckIn[] {
  const out: SeedCheckIn[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const day = addDays(start, i);
    if (day > clock.today) break;
    if (pattern[i] === 'x') out.push({ cohortId, memberId, day });
  }
  return out;
}
