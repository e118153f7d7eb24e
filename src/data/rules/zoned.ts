/**
 * Calendar days and wall-clock times in an IANA time zone, computed with `Intl.DateTimeFormat`
 * only (no date library). Calendar days are `YYYY-MM-DD` strings; instants are `Date`s.
 *
 * Why not plain `Date` arithmetic: a day in Europe/Berlin is 23 hours long on the last Sunday of
 * March and 25 hours on the last Sunday of October, so "midnight + 24 h" is not the next day.
 * Everything here goes through the zone's real offset at the instant in question.
 */

export type CalendarDay = string;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: constructing `Intl.DateTimeFormat` is far more expensive than using it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface ZonedParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function toMs(instant: Date | number | string): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return ms;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function zonedParts(instant: Date | number | string, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(toMs(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    // Some engines still print midnight as 24 with h23; normalise defensively.
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds (Berlin in summer: +7 200 000). */
export function zoneOffsetMs(instant: Date | number | string, timeZone: string): number {
  const ms = toMs(instant);
  const p = zonedParts(ms, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(ms / 1000) * 1000;
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** The calendar day `instant` falls on in `timeZone`, e.g. 23:59 local belongs to that day. */
export function calendarDayOf(instant: Date | number | string, timeZone: string): CalendarDay {
  const p = zonedParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Minutes since local midnight of the wall clock in `timeZone` (0–1439). */
export function minutesOfDay(instant: Date | number | string, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return p.hour * 60 + p.minute;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits a `YYYY-MM-DD` day; throws on anything else so bad data cannot slip through silently. */
export function parseCalendarDay(day: CalendarDay): { year: number; month: number; day: number } {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`Not a calendar day: ${day}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Midnight UTC of the day: calendar arithmetic is done in UTC, where every day has 24 hours. */
function dayToUtcMs(day: CalendarDay): number {
  const p = parseCalendarDay(day);
  return Date.UTC(p.year, p.month - 1, p.day);
}

function utcMsToDay(ms: number): CalendarDay {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return utcMsToDay(dayToUtcMs(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((dayToUtcMs(to) - dayToUtcMs(from)) / DAY_MS);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: CalendarDay): number {
  const weekday = new Date(dayToUtcMs(day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * The instant at which the wall clock in `timeZone` shows `day` + `minutes` after midnight.
 *
 * Ambiguous wall times (the repeated hour in autumn) resolve to the earlier instant; wall times
 * that do not exist (the skipped hour in spring) move forward by the length of the gap, so
 * 02:30 on the spring-forward day in Berlin becomes 03:30 CEST. This is Temporal's
 * `disambiguation: 'compatible'`.
 */
export function zonedDateTime(day: CalendarDay, minutes: number, timeZone: string): Date {
  const wall = dayToUtcMs(day) + minutes * MINUTE_MS;
  // Offsets a day before and after bracket any single transition near this wall time.
  const offsetBefore = zoneOffsetMs(wall - DAY_MS, timeZone);
  const offsetAfter = zoneOffsetMs(wall + DAY_MS, timeZone);
  const candidates = [...new Set([wall - offsetBefore, wall - offsetAfter])]
    .filter((instant) => instant + zoneOffsetMs(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wall - offsetBefore);
}

/** The first instant of `day` in `timeZone` (usually local midnight). */
export function startOfZonedDay(day: CalendarDay, timeZone: string): Date {
  return zonedDateTime(day, 0, timeZone);
}

/** Whether `instant` is exactly the first instant of its calendar day in `timeZone`. */
export function isStartOfZonedDay(instant: Date | number | string, timeZone: string): boolean {
  const ms = toMs(instant);
  return startOfZonedDay(calendarDayOf(ms, timeZone), timeZone).getTime() === ms;
}
