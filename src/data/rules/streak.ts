/**
 * Cohort check-ins: which calendar day a check-in belongs to, whether it lies inside the
 * cohort, and the streak of consecutive days. Days are counted in the cohort's time zone, so a
 * check-in at 23:59 local time counts for that day even though it is the next day in UTC.
 */
import { addDays, calendarDayOf, daysBetween, type CalendarDay } from './zoned.js';

/** The calendar day, in the cohort's zone, that a check-in at `instant` counts for. */
export function checkInDay(instant: Date | number | string, timeZone: string): CalendarDay {
  return calendarDayOf(instant, timeZone);
}

/** Whether `day` lies in the cohort's `[start, start + days)`. */
export function isWithinCohort(cohort: { start: CalendarDay; days: number }, day: CalendarDay): boolean {
  const index = daysBetween(cohort.start, day);
  return index >= 0 && index < cohort.days;
}

/** The cohort's last day (inclusive). */
export function cohortLastDay(cohort: { start: CalendarDay; days: number }): CalendarDay {
  return addDays(cohort.start, cohort.days - 1);
}

/**
 * Consecutive check-in days ending today, or ending yesterday when today's check-in is still
 * open (the streak is not broken before the day is over). Duplicates and order do not matter.
 * Pure calendar-day arithmetic, so DST transitions cannot break or stretch a streak.
 */
export function streakOf(days: Iterable<CalendarDay>, today: CalendarDay): number {
  const set = new Set(days);
  let day = set.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (set.has(day)) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}
