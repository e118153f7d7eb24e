/**
 * Small, dependency-free date helpers for the sample data.
 *
 * Everything in a sample is computed relative to one `now`, so a demo always looks current.
 * Day-based things (a call next Saturday, a booking on a weekend, a cohort's first day) are
 * computed in the community's time zone with `Intl`, never in the browser's own zone, so the
 * output for a fixed `now` is the same on every machine.
 */

import { addDays, calendarDayOf, isoWeekday, zonedDateTime } from '../rules/zoned.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const MS = { minute: MINUTE, hour: HOUR, day: DAY } as const;

/** Calendar arithmetic and zone conversions are the shared rules' (one implementation, DST-safe). */
export { addDays, daysBetween, isoWeekday } from '../rules/zoned.js';

/** `HH:MM` as minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Last day of a month (`month` 1–12). */
export function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The n-th (1-based) ISO weekday of a month, e.g. the third Saturday of September. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const shift = (weekday - isoWeekday(first) + 7) % 7;
  return addDays(first, shift + (n - 1) * 7);
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export interface Span {
  d?: number;
  h?: number;
  m?: number;
}
const spanMs = ({ d = 0, h = 0, m = 0 }: Span) => d * DAY + h * HOUR + m * MINUTE;

/**
 * One sample's view of time: `now` (floored to the minute, so every "earlier" instant is
 * really in the past) and "today" in the community's time zone.
 */
export class Clock {
  /** `now` floored to the whole minute. */
  readonly base: number;
  /** Today in `timeZone`, `YYYY-MM-DD`. */
  readonly today: string;

  constructor(
    readonly now: Date,
    readonly timeZone: string,
  ) {
    const ms = now.getTime();
    if (!Number.isFinite(ms)) throw new RangeError('Sample data needs a valid `now`.');
    this.base = Math.floor(ms / MINUTE) * MINUTE;
    this.today = calendarDayOf(this.base, timeZone);
  }

  /** An instant before now. */
  ago(span: Span): string {
    return toIso(this.base - spanMs(span));
  }

  /** An instant after now. */
  ahead(span: Span): string {
    return toIso(this.base + spanMs(span));
  }

  /** Today plus `offset` days (negative for the past), in the community's time zone. */
  day(offset: number): string {
    return addDays(this.today, offset);
  }

  /** The instant of a local date and time in the community's time zone. */
  atMs(date: string, time: string): number {
    return zonedDateTime(date, minutesOf(time), this.timeZone).getTime();
  }

  at(date: string, time: string): string {
    return toIso(this.atMs(date, time));
  }

  /** A local date and time that must not lie after now: capped at now. */
  past(date: string, time: string): string {
    return toIso(Math.min(this.atMs(date, time), this.base));
  }

  /** The first date on `weekday` (1–7) at least `minOffset` days from today. */
  next(weekday: number, minOffset = 1): string {
    const first = this.day(minOffset);
    return addDays(first, (weekday - isoWeekday(first) + 7) % 7);
  }

  /** An instant `span` after `iso`, but never after now. */
  after(iso: string, span: Span): string {
    return toIso(Math.min(Date.parse(iso) + spanMs(span), this.base));
  }
}

const DE_MONTHS = [
  'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni',
  'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
];
const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const DE_WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Samstag, 14. März" — fixed wording, independent of the runtime's `Intl` data. */
export function deDate(date: string, withWeekday = true): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  const text = `${d}. ${DE_MONTHS[m - 1]}`;
  return withWeekday ? `${DE_WEEKDAYS[isoWeekday(date) - 1]}, ${text}` : text;
}

/** "Saturday 14 March". */
export function enDate(date: string, withWeekday = true): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  const text = `${d} ${EN_MONTHS[m - 1]}`;
  return withWeekday ? `${EN_WEEKDAYS[isoWeekday(date) - 1]} ${text}` : text;
}
