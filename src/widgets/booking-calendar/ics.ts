/**
 * iCalendar for the booking calendar, through the shared RFC 5545 writer: the public occupancy
 * (no person, no purpose: only when, whether confirmed and the label the booker chose to show)
 * and "add my booking to my calendar". `day` resources become all-day events on the resource's
 * calendar days; `hour` resources exact instants in UTC.
 */
import { toICalendar, type ICalEvent } from '../../core/ical.js';
import { addDays, calendarDayOf } from '../../data/rules/zoned.js';
import type { Booking, PublicBooking, Resource } from '../../data/schema/booking.js';

export interface OccupancyWords {
  calendarName: string;
  confirmed: string;
  requested: string;
}

function when(resource: Resource, start: string, end: string): Pick<ICalEvent, 'start' | 'end'> {
  if (resource.rules.unit !== 'day') return { start: new Date(start), end: new Date(end) };
  // All-day: first day, and the exclusive end day (the day after the last one).
  const last = calendarDayOf(Date.parse(end) - 1, resource.timeZone);
  return { start: calendarDayOf(start, resource.timeZone), end: addDays(last, 1) };
}

/** The public occupancy as a calendar: one event per requested or confirmed booking. */
export function occupancyToICalendar(resource: Resource, bookings: readonly PublicBooking[], community: string, words: OccupancyWords, stamp = new Date()): string {
  return toICalendar(
    bookings.map((b) => ({
      uid: `${b.id}@${community}.dorfplatz`,
      ...when(resource, b.start, b.end),
      summary: b.publicLabel ? `${words[b.status]}: ${b.publicLabel}` : words[b.status],
      location: resource.location || resource.name,
      stamp,
    })),
    { prodId: '-//Dorfplatz//Booking calendar//EN', name: words.calendarName },
  );
}

/** The requester's own booking, for their calendar (their purpose is theirs to see). */
export function bookingToICalendar(resource: Resource, booking: Booking, community: string, stamp = new Date()): string {
  return toICalendar(
    [{
      uid: `${booking.id}@${community}.dorfplatz`,
      ...when(resource, booking.start, booking.end),
      summary: `${resource.name}: ${booking.purpose}`,
      description: resource.houseRules,
      location: resource.location || resource.name,
      stamp,
    }],
    { prodId: '-//Dorfplatz//Booking calendar//EN' },
  );
}
