/**
 * Booking rules of a resource, the overlap test and the search for free alternatives.
 *
 * Pure functions over plain data: the IndexedDB adapter, the widgets (to grey out days before a
 * request is even sent) and the server all run exactly this code.
 */
import type { Resource } from '../schema/booking.js';
import {
  addDays, calendarDayOf, daysBetween, isoWeekday, isStartOfZonedDay, minutesOfDay, startOfZonedDay, zonedDateTime,
  zoneOffsetMs,
} from './zoned.js';

const MINUTE_MS = 60_000;

/** One broken rule; `code` is a message key of the catalogue, `path` the input field. */
export interface RuleIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

/** What the rules need of a resource. */
export type RuledResource = Pick<Resource, 'timeZone' | 'rules'>;

export interface BookingCandidate {
  start: Date | string | number;
  end: Date | string | number;
  /** Unchecked when omitted (e.g. while the visitor is still picking dates). */
  attendees?: number;
}

/** A half-open range `[start, end)` in epoch milliseconds. */
export interface TimeRange {
  start: number;
  end: number;
}

function ms(value: Date | string | number): number {
  return value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
}

function parseTimeOfDay(value: string): number {
  const [hours, minutes] = value.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/**
 * Every rule the range breaks, in a stable order. An empty list means the range may be booked
 * (overlap with other bookings aside: see `rangesConflict`).
 *
 * - `booking.inPast` / `booking.leadTime {minutes}`: the start is before now / too soon.
 * - `booking.maxAdvance {days}`: the start lies beyond the booking window (calendar days in the
 *   resource's zone).
 * - `booking.dayAlignment`: `day` resources start and end at the first instant of a local day,
 *   which is 23:00 or 22:00 UTC in Berlin depending on the season.
 * - `booking.grid {step}`: `hour` resources start and end on the `step`-minute grid of the wall clock.
 * - `booking.tooShort {min, unit}` / `booking.tooLong {max, unit}`: duration in days (counted as
 *   calendar days, so a 23-hour spring day is one day) or in elapsed minutes.
 * - `booking.blackout {start, end, reason?}`: a covered day lies in a blackout.
 * - `booking.closed {weekday}`: an `hour` booking outside the opening hours of its day.
 * - `booking.tooManyAttendees {max}`.
 */
export function checkBookingRules(resource: RuledResource, candidate: BookingCandidate, now: Date): RuleIssue[] {
  const { rules, timeZone } = resource;
  const start = ms(candidate.start);
  const end = ms(candidate.end);
  const issues: RuleIssue[] = [];

  if (start < now.getTime()) {
    issues.push({ path: 'start', code: 'booking.inPast' });
  } else if (start - now.getTime() < rules.leadTime * MINUTE_MS) {
    issues.push({ path: 'start', code: 'booking.leadTime', params: { minutes: rules.leadTime } });
  }

  const startDay = calendarDayOf(start, timeZone);
  if (daysBetween(calendarDayOf(now, timeZone), startDay) > rules.maxAdvance) {
    issues.push({ path: 'start', code: 'booking.maxAdvance', params: { days: rules.maxAdvance } });
  }

  let aligned = true;
  if (rules.unit === 'day') {
    for (const [path, instant] of [['start', start], ['end', end]] as const) {
      if (!isStartOfZonedDay(instant, timeZone)) {
        aligned = false;
        issues.push({ path, code: 'booking.dayAlignment' });
      }
    }
  } else {
    for (const [path, instant] of [['start', start], ['end', end]] as const) {
      const offGrid = instant % MINUTE_MS !== 0 || minutesOfDay(instant, timeZone) % rules.step !== 0;
      if (offGrid) {
        aligned = false;
        issues.push({ path, code: 'booking.grid', params: { step: rules.step } });
      }
    }
  }

  if (aligned && end > start) {
    const duration = bookingDuration(resource, start, end);
    const unit = rules.unit === 'day' ? 'days' : 'minutes';
    if (duration < rules.minDuration) {
      issues.push({ path: 'end', code: 'booking.tooShort', params: { min: rules.minDuration, unit } });
    } else if (duration > rules.maxDuration) {
      issues.push({ path: 'end', code: 'booking.tooLong', params: { max: rules.maxDuration, unit } });
    }
  }

  if (end > start) {
    const lastDay = calendarDayOf(end - 1, timeZone);
    const blackout = rules.blackouts.find((b) => b.start <= lastDay && startDay <= b.end);
    if (blackout) {
      const params: Record<string, string> = { start: blackout.start, end: blackout.end };
      if (blackout.reason) params.reason = blackout.reason;
      issues.push({ path: 'start', code: 'booking.blackout', params });
    }
    if (rules.unit === 'hour' && rules.openingHours.length > 0 && !withinOpeningHours(resource, start, end)) {
      issues.push({ path: 'start', code: 'booking.closed', params: { weekday: isoWeekday(startDay) } });
    }
  }

  if (candidate.attendees !== undefined && rules.maxAttendees !== null && candidate.attendees > rules.maxAttendees) {
    issues.push({ path: 'attendees', code: 'booking.tooManyAttendees', params: { max: rules.maxAttendees } });
  }
  return issues;
}

/** Duration in the resource's unit: calendar days for `day`, elapsed minutes for `hour`. */
export function bookingDuration(resource: RuledResource, start: Date | string | number, end: Date | string | number): number {
  if (resource.rules.unit === 'day') {
    return daysBetween(calendarDayOf(start, resource.timeZone), calendarDayOf(end, resource.timeZone));
  }
  return (ms(end) - ms(start)) / MINUTE_MS;
}

/** An `hour` booking must fit one opening interval of its (single) local day. */
function withinOpeningHours(resource: RuledResource, start: number, end: number): boolean {
  const { timeZone, rules } = resource;
  const day = calendarDayOf(start, timeZone);
  const endDay = calendarDayOf(end, timeZone);
  const startMinute = minutesOfDay(start, timeZone);
  let endMinute: number;
  if (endDay === day) endMinute = minutesOfDay(end, timeZone);
  else if (endDay === addDays(day, 1) && minutesOfDay(end, timeZone) === 0) endMinute = 24 * 60;
  else return false;
  const weekday = isoWeekday(day);
  return rules.openingHours.some((hours) => {
    if (hours.weekday !== weekday) return false;
    const open = parseTimeOfDay(hours.open);
    // A close at or before the opening time means "until midnight" (e.g. 18:00–00:00).
    const close = parseTimeOfDay(hours.close) <= open ? 24 * 60 : parseTimeOfDay(hours.close);
    return open <= startMinute && endMinute <= close;
  });
}

/**
 * Whether two ranges cannot both hold: they overlap, or one starts within `bufferMinutes` after
 * the other ends (cleaning, handover).
 */
export function rangesConflict(a: TimeRange, b: TimeRange, bufferMinutes: number): boolean {
  const buffer = bufferMinutes * MINUTE_MS;
  return a.start < b.end + buffer && b.start < a.end + buffer;
}

export interface AlternativeRange {
  start: string;
  end: string;
}

export interface AlternativeOptions {
  /** How many to return; default 3. */
  count?: number;
  /** How far to look on each side of the requested start; default 31 days (`day`) or 7 (`hour`). */
  searchDays?: number;
}

/** The window `findAlternatives` searches, so callers can load the bookings it needs. */
export function alternativeSearchWindow(resource: RuledResource, request: BookingCandidate, options: AlternativeOptions = {}): TimeRange {
  const days = options.searchDays ?? (resource.rules.unit === 'day' ? 31 : 7);
  const startDay = calendarDayOf(ms(request.start), resource.timeZone);
  const endDay = calendarDayOf(ms(request.end), resource.timeZone);
  return {
    start: startOfZonedDay(addDays(startDay, -days), resource.timeZone).getTime(),
    end: startOfZonedDay(addDays(endDay, days + 1), resource.timeZone).getTime(),
  };
}

/**
 * The nearest free ranges of the same duration (same number of days for `day` resources, same
 * minutes for `hour` resources) that satisfy every rule and conflict with none of `holding`.
 * Nearest first by distance of the start; ties go to the earlier range.
 *
 * `holding` must contain every slot-holding booking that can reach into the search window.
 */
export function findAlternatives(
  resource: RuledResource,
  request: BookingCandidate,
  holding: readonly TimeRange[],
  now: Date,
  options: AlternativeOptions = {},
): AlternativeRange[] {
  const count = options.count ?? 3;
  const { timeZone, rules } = resource;
  const requestStart = ms(request.start);
  const requestEnd = ms(request.end);
  const window = alternativeSearchWindow(resource, request, options);

  const candidates: TimeRange[] = [];
  if (rules.unit === 'day') {
    const firstDay = calendarDayOf(requestStart, timeZone);
    const lengthDays = daysBetween(firstDay, calendarDayOf(requestEnd, timeZone));
    const searchDays = options.searchDays ?? 31;
    for (let offset = -searchDays; offset <= searchDays; offset++) {
      if (offset === 0) continue;
      const day = addDays(firstDay, offset);
      candidates.push({
        start: startOfZonedDay(day, timeZone).getTime(),
        end: startOfZonedDay(addDays(day, lengthDays), timeZone).getTime(),
      });
    }
  } else {
    const duration = requestEnd - requestStart;
    const seen = new Set<number>();
    for (let day = calendarDayOf(window.start, timeZone); startOfZonedDay(day, timeZone).getTime() < window.end; day = addDays(day, 1)) {
      const midnight = startOfZonedDay(day, timeZone).getTime();
      // On ordinary days wall minutes equal elapsed minutes; only DST days need the zone lookup.
      const ordinaryDay = zoneOffsetMs(midnight, timeZone) === zoneOffsetMs(midnight + 86_400_000 - 1, timeZone);
      for (let minute = 0; minute < 24 * 60; minute += rules.step) {
        const start = ordinaryDay ? midnight + minute * MINUTE_MS : zonedDateTime(day, minute, timeZone).getTime();
        if (start === requestStart || seen.has(start)) continue;
        seen.add(start);
        candidates.push({ start, end: start + duration });
      }
    }
  }

  candidates.sort((a, b) => Math.abs(a.start - requestStart) - Math.abs(b.start - requestStart) || a.start - b.start);

  const found: AlternativeRange[] = [];
  for (const candidate of candidates) {
    if (found.length >= count) break;
    // The overlap test is cheap; the rules need Intl calls, so they run second.
    if (holding.some((booking) => rangesConflict(candidate, booking, rules.buffer))) continue;
    if (checkBookingRules(resource, { ...candidate, attendees: request.attendees }, now).length > 0) continue;
    found.push({ start: new Date(candidate.start).toISOString(), end: new Date(candidate.end).toISOString() });
  }
  return found;
}
