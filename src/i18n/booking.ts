/** Booking messages: the field issues of booking rules (shown by the booking calendar). */
import type { Formatters } from '../core/format.js';
import { defineMessages } from '../core/localize.js';

type Params = Record<string, string | number>;
const span = (f: Formatters, value: number, unit: string | number | undefined) =>
  unit === 'day' ? f.days(value) : f.duration(value * 60);

export const bookingMessages = defineMessages('booking', {
  en: {
    issues: {
      'booking.endBeforeStart': 'The end must be after the start.',
      'booking.inPast': 'This time has already passed.',
      'booking.alreadyStarted': 'This booking has already started and can no longer be cancelled here.',
      'booking.leadTime': (p: Params, f: Formatters) => `Please book at least ${f.duration(Number(p.minutes) * 60)} in advance.`,
      'booking.maxAdvance': (p: Params, f: Formatters) => `Bookings open ${f.days(Number(p.days))} in advance at most.`,
      'booking.tooShort': (p: Params, f: Formatters) => `The minimum booking is ${span(f, Number(p.min), p.unit)}.`,
      'booking.tooLong': (p: Params, f: Formatters) => `The maximum booking is ${span(f, Number(p.max), p.unit)}.`,
      'booking.maxBelowMin': 'The maximum duration must not be shorter than the minimum.',
      'booking.blackout': (p: Params) => (p.reason ? `Not available on these dates: ${p.reason}.` : 'Not available on these dates.'),
      'booking.closed': 'This is outside the opening hours.',
      'booking.dayAlignment': 'This is booked in whole days.',
      'booking.grid': (p: Params) => `Start and end must be on the ${p.step}-minute grid (e.g. 10:00, 10:${String(p.step).padStart(2, '0')}).`,
      'booking.tooManyAttendees': (p: Params, f: Formatters) => `At most ${f.number(Number(p.max))} people are allowed.`,
      'booking.overlap': 'This time is already taken.',
      'booking.declineNeedsReason': 'Please give a reason for declining.',
      'booking.notPending': 'This request has already been decided.',
      'booking.rangeTooLong': 'Please choose a shorter period.',
    },
  },
  de: {
    issues: {
      'booking.endBeforeStart': 'Das Ende muss nach dem Beginn liegen.',
      'booking.inPast': 'Dieser Zeitpunkt liegt in der Vergangenheit.',
      'booking.alreadyStarted': 'Diese Buchung hat schon begonnen und kann hier nicht mehr storniert werden.',
      'booking.leadTime': (p: Params, f: Formatters) => `Bitte buchen Sie mindestens ${f.duration(Number(p.minutes) * 60)} im Voraus.`,
      'booking.maxAdvance': (p: Params, f: Formatters) => `Buchungen sind höchstens ${f.days(Number(p.days))} im Voraus möglich.`,
      'booking.tooShort': (p: Params, f: Formatters) => `Die Mindestdauer ist ${span(f, Number(p.min), p.unit)}.`,
      'booking.tooLong': (p: Params, f: Formatters) => `Die Höchstdauer ist ${span(f, Number(p.max), p.unit)}.`,
      'booking.maxBelowMin': 'Die Höchstdauer darf nicht kürzer sein als die Mindestdauer.',
      'booking.blackout': (p: Params) => (p.reason ? `An diesen Tagen nicht buchbar: ${p.reason}.` : 'An diesen Tagen nicht buchbar.'),
      'booking.closed': 'Das liegt außerhalb der Öffnungszeiten.',
      'booking.dayAlignment': 'Dies wird nur tageweise vergeben.',
      'booking.grid': (p: Params) => `Beginn und Ende müssen im ${p.step}-Minuten-Raster liegen (z. B. 10:00, 10:${String(p.step).padStart(2, '0')}).`,
      'booking.tooManyAttendees': (p: Params, f: Formatters) => `Höchstens ${f.number(Number(p.max))} Personen sind erlaubt.`,
      'booking.overlap': 'Diese Zeit ist schon vergeben.',
      'booking.declineNeedsReason': 'Bitte geben Sie einen Grund für die Absage an.',
      'booking.notPending': 'Über diese Anfrage wurde schon entschieden.',
      'booking.rangeTooLong': 'Bitte wählen Sie einen kürzeren Zeitraum.',
    },
  },
});
