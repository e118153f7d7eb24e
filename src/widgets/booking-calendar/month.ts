/**
 * Calendar arithmetic of the booking calendar: the weeks of a month (Monday first, ISO), keyboard
 * moves, the occupancy of each day, which days can be picked, and the instants of a picked range.
 * Pure functions over calendar days (`YYYY-MM-DD`) in the resource's zone, built on the shared
 * DST-safe helpers in `data/rules/zoned.ts` and the rule checks in `data/rules/booking.ts`.
 */
import { checkBookingRules } from '../../data/rules/booking.js';
import {
  addDays, calendarDayOf, daysBetween, isoWeekday, parseCalendarDay, startOfZonedDay, zonedDateTime, type CalendarDay,
} from '../../data/rules/zoned.js';
import type { Blackout, PublicBooking, Resource } from '../../data/schema/booking.js';

export type { CalendarDay };

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the month `day` lies in. */
export function monthOf(day: CalendarDay): CalendarDay {
  return `${day.slice(0, 7)}-01`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day of the month `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const p = parseCalendarDay(day);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(p.day, daysInMonth(year, month)))}`;
}

export function startOfWeek(day: CalendarDay): CalendarDay {
  return addDays(day, 1 - isoWeekday(day));
}

export function endOfWeek(day: CalendarDay): CalendarDay {
  return addDays(day, 7 - isoWeekday(day));
}

/** The weeks shown for a month: whole ISO weeks (Monday–Sunday) from the first to the last day. */
export function monthWeeks(month: CalendarDay): CalendarDay[][] {
  const first = monthOf(month);
  const p = parseCalendarDay(first);
  const last = `${first.slice(0, 8)}${pad(daysInMonth(p.year, p.month))}`;
  const weeks: CalendarDay[][] = [];
  for (let day = startOfWeek(first); day <= last; day = addDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
  }
  return weeks;
}

/** The instants the month grid covers, for the occupancy query: `[first shown day, day after the last)`. */
export function gridRange(month: CalendarDay, timeZone: string): { start: string; end: string } {
  const weeks = monthWeeks(month);
  const first = weeks[0]![0]!;
  const last = weeks[weeks.length - 1]![6]!;
  return {
    start: startOfZonedDay(first, timeZone).toISOString(),
    end: startOfZonedDay(addDays(last, 1), timeZone).toISOString(),
  };
}

/** Where a key moves the focus in the grid (WAI-ARIA APG date grid); `null` for other keys. */
export function moveByKey(day: CalendarDay, key: string, shift = false): CalendarDay | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return startOfWeek(day);
    case 'End':
      return endOfWeek(day);
    case 'PageUp':
      return addMonths(day, shift ? -12 : -1);
    case 'PageDown':
      return addMonths(day, shift ? 12 : 1);
    default:
      return null;
  }
}

export type DayState = 'confirmed' | 'requested';

/** What the public may know of a day: held or asked for, and the labels bookers chose to show. */
export interface DayOccupancy {
  state: DayState;
  labels: string[];
  bookings: PublicBooking[];
}

/**
 * The occupancy of every day touched by a booking, in the resource's zone. A booking ending at
 * midnight does not touch the next day. A confirmed booking outweighs a request on the same day.
 */
export function occupancyByDay(bookings: readonly PublicBooking[], timeZone: string, grid?: DayGrid): Map<CalendarDay, DayOccupancy> {
  const days = new Map<CalendarDay, DayOccupancy>();
  for (const booking of bookings) {
    const start = Date.parse(booking.start);
    const end = Date.parse(booking.end);
    if (grid && (end <= grid.starts[0]! || start >= grid.starts[grid.starts.length - 1]!)) continue;
    const first = grid ? grid.dayAt(start) : calendarDayOf(start, timeZone);
    const last = grid ? grid.dayAt(end - 1) : calendarDayOf(end - 1, timeZone);
    if (first === null || last === null) continue;
    for (let day = first; day <= last; day = addDays(day, 1)) {
      let entry = days.get(day);
      if (!entry) days.set(day, (entry = { state: booking.status, labels: [], bookings: [] }));
      else if (booking.status === 'confirmed') entry.state = 'confirmed';
      entry.bookings.push(booking);
      if (booking.publicLabel && !entry.labels.includes(booking.publicLabel)) entry.labels.push(booking.publicLabel);
    }
  }
  return days;
}

/**
 * The days of a grid with the instant each one starts, from the zone's real offsets: a day is
 * found by binary search instead of an `Intl` call per booking (500 bookings, one month).
 */
export class DayGrid {
  readonly starts: number[];
  constructor(readonly days: readonly CalendarDay[], timeZone: string) {
    this.starts = [...days, addDays(days[days.length - 1]!, 1)].map((d) => startOfZonedDay(d, timeZone).getTime());
  }

  /** The grid day `instant` falls on, earlier days clamped to the first, later to the last; `null` if it misses the grid. */
  dayAt(instant: number): CalendarDay | null {
    const { starts, days } = this;
    if (instant < starts[0]!) return days[0]!;
    if (instant >= starts[starts.length - 1]!) return days[days.length - 1]!;
    let low = 0;
    let high = days.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= instant) low = mid;
      else high = mid - 1;
    }
    return days[low] ?? null;
  }

  /** The first instant of a grid day. */
  startOf(day: CalendarDay): Date | null {
    const index = this.days.indexOf(day);
    if (index >= 0) return new Date(this.starts[index]!);
    // The day after the last one is the grid's end.
    return day === addDays(this.days[this.days.length - 1]!, 1) ? new Date(this.starts[this.starts.length - 1]!) : null;
  }
}

export function blackoutOn(resource: Pick<Resource, 'rules'>, day: CalendarDay): Blackout | undefined {
  return resource.rules.blackouts.find((b) => b.start <= day && day <= b.end);
}

/** Rule codes that make a whole day unavailable to pick (the rest depend on the range chosen). */
const DAY_CODES = new Set(['booking.inPast', 'booking.leadTime', 'booking.maxAdvance', 'booking.blackout']);

/**
 * Why a day cannot be picked (the first rule code), or `null`. Day resources test the whole day;
 * hour resources the day's last slot, so a day stays pickable while any of it is.
 */
export function dayUnavailable(resource: Pick<Resource, 'rules' | 'timeZone'>, day: CalendarDay, now: Date, grid?: DayGrid): string | null {
  const { timeZone, rules } = resource;
  const next = (grid?.startOf(addDays(day, 1)) ?? startOfZonedDay(addDays(day, 1), timeZone)).getTime();
  const candidate =
    rules.unit === 'day'
      ? { start: grid?.startOf(day) ?? startOfZonedDay(day, timeZone), end: new Date(next) }
      : { start: new Date(next - rules.step * 60_000), end: new Date(next) };
  const issue = checkBookingRules(resource, candidate, now).find((i) => DAY_CODES.has(i.code));
  return issue?.code ?? null;
}

/** Whole days `first`…`last` (inclusive) as the instants a `day` booking uses: local midnights. */
export function dayRange(first: CalendarDay, last: CalendarDay, timeZone: string): { start: string; end: string } {
  return {
    start: startOfZonedDay(first, timeZone).toISOString(),
    end: startOfZonedDay(addDays(last, 1), timeZone).toISOString(),
  };
}

/** `HH:MM` on `day` as an instant in the zone; `24:00` is the next midnight. */
export function timeOn(day: CalendarDay, time: string, timeZone: string): string {
  const [h, m] = time.split(':').map(Number);
  return zonedDateTime(day, h! * 60 + m!, timeZone).toISOString();
}

export function minutesToTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The grid times an `hour` resource offers on `day`: within its opening hours, or the whole day. */
export function timeSlots(resource: Pick<Resource, 'rules'>, day: CalendarDay): { starts: string[]; ends: string[] } {
  const { rules } = resource;
  const weekday = isoWeekday(day);
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const intervals = rules.openingHours.length
    ? rules.openingHours
        .filter((o) => o.weekday === weekday)
        .map((o) => [toMinutes(o.open), toMinutes(o.close) <= toMinutes(o.open) ? 1440 : toMinutes(o.close)] as const)
    : [[0, 1440] as const];
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const [open, close] of intervals) {
    const first = Math.ceil(open / rules.step) * rules.step;
    for (let m = first; m + rules.step <= close; m += rules.step) starts.add(m);
    for (let m = first + rules.step; m <= close; m += rules.step) ends.add(m);
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b).map(minutesToTime);
  return { starts: sorted(starts), ends: sorted(ends) };
}

/** Whole days from `from` to `to`; re-exported for the view. */
export { addDays, calendarDayOf, daysBetween };
