import { expect } from '@open-wc/testing';
import {
  bookingDuration, checkBookingRules, findAlternatives, rangesConflict, type RuledResource,
} from '../../src/data/rules/booking.js';
import type { BookingRules } from '../../src/data/schema/index.js';

const BERLIN = 'Europe/Berlin';

function resource(rules: Partial<BookingRules> = {}): RuledResource {
  return {
    timeZone: BERLIN,
    rules: {
      unit: 'hour', step: 30, minDuration: 60, maxDuration: 480, leadTime: 0, maxAdvance: 365, buffer: 0,
      approval: 'manual', blackouts: [], openingHours: [], maxAttendees: null, price: null, ...rules,
    },
  };
}
const dayResource = (rules: Partial<BookingRules> = {}) => resource({ unit: 'day', step: 60, minDuration: 1, maxDuration: 7, ...rules });
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);
const NOW = new Date('2025-03-20T09:00:00Z');

describe('rules/booking: checkBookingRules', () => {
  it('accepts a valid hour booking', () => {
    expect(checkBookingRules(resource(), { start: '2025-03-21T09:00:00Z', end: '2025-03-21T11:00:00Z', attendees: 5 }, NOW)).to.deep.equal([]);
  });

  it('rejects a start in the past, or within the lead time', () => {
    expect(codes(checkBookingRules(resource({ leadTime: 120 }), { start: '2025-03-20T08:00:00Z', end: '2025-03-20T10:00:00Z' }, NOW)))
      .to.deep.equal(['booking.inPast']);
    const tooSoon = checkBookingRules(resource({ leadTime: 120 }), { start: '2025-03-20T10:00:00Z', end: '2025-03-20T11:00:00Z' }, NOW);
    expect(tooSoon).to.deep.equal([{ path: 'start', code: 'booking.leadTime', params: { minutes: 120 } }]);
    expect(checkBookingRules(resource({ leadTime: 120 }), { start: '2025-03-20T11:00:00Z', end: '2025-03-20T12:00:00Z' }, NOW)).to.deep.equal([]);
  });

  it('counts the booking window in calendar days of the resource zone', () => {
    const r = resource({ maxAdvance: 10 });
    // Day 10 after 20 March is 30 March (the DST day): allowed until its last hour.
    expect(checkBookingRules(r, { start: '2025-03-30T20:00:00Z', end: '2025-03-30T21:00:00Z' }, NOW)).to.deep.equal([]);
    // 22:00 UTC on 30 March is already 31 March in Berlin.
    expect(checkBookingRules(r, { start: '2025-03-30T22:00:00Z', end: '2025-03-30T23:00:00Z' }, NOW))
      .to.deep.equal([{ path: 'start', code: 'booking.maxAdvance', params: { days: 10 } }]);
  });

  it('requires minutes on the step grid of the wall clock', () => {
    const issues = checkBookingRules(resource({ step: 30 }), { start: '2025-03-21T09:15:00Z', end: '2025-03-21T11:00:00Z' }, NOW);
    expect(issues).to.deep.equal([{ path: 'start', code: 'booking.grid', params: { step: 30 } }]);
  });

  it('checks minimum and maximum duration with their unit', () => {
    expect(checkBookingRules(resource({ minDuration: 120 }), { start: '2025-03-21T09:00:00Z', end: '2025-03-21T10:00:00Z' }, NOW))
      .to.deep.equal([{ path: 'end', code: 'booking.tooShort', params: { min: 120, unit: 'minutes' } }]);
    expect(checkBookingRules(resource({ maxDuration: 120 }), { start: '2025-03-21T09:00:00Z', end: '2025-03-21T12:00:00Z' }, NOW))
      .to.deep.equal([{ path: 'end', code: 'booking.tooLong', params: { max: 120, unit: 'minutes' } }]);
    expect(checkBookingRules(dayResource({ maxDuration: 2 }), { start: '2025-03-23T23:00:00Z', end: '2025-03-26T23:00:00Z' }, NOW))
      .to.deep.equal([{ path: 'end', code: 'booking.tooLong', params: { max: 2, unit: 'days' } }]);
  });

  it('aligns day bookings to local midnight, also on the 23-hour day', () => {
    const r = dayResource();
    // 30 March 2025 in Berlin: 23:00 UTC on the 29th until 22:00 UTC on the 30th. One day.
    const springDay = { start: '2025-03-29T23:00:00Z', end: '2025-03-30T22:00:00Z' };
    expect(checkBookingRules(r, springDay, NOW)).to.deep.equal([]);
    expect(bookingDuration(r, springDay.start, springDay.end)).to.equal(1);
    // "Midnight + 24 h" lands at 01:00 local on the 31st: not aligned.
    expect(checkBookingRules(r, { start: '2025-03-29T23:00:00Z', end: '2025-03-30T23:00:00Z' }, NOW))
      .to.deep.equal([{ path: 'end', code: 'booking.dayAlignment' }]);
    // Midnight in UTC is 01:00 in Berlin.
    expect(codes(checkBookingRules(r, { start: '2025-03-25T00:00:00Z', end: '2025-03-26T00:00:00Z' }, NOW)))
      .to.deep.equal(['booking.dayAlignment', 'booking.dayAlignment']);
    // The 25-hour October day is one day too.
    expect(bookingDuration(r, '2025-10-25T22:00:00Z', '2025-10-26T23:00:00Z')).to.equal(1);
  });

  it('rejects ranges touching a blackout, with its dates and reason', () => {
    const r = dayResource({ blackouts: [{ start: '2025-03-28', end: '2025-03-29', reason: 'Kirchweih' }] });
    // 27–28 March touches the blackout's first day.
    expect(checkBookingRules(r, { start: '2025-03-26T23:00:00Z', end: '2025-03-28T23:00:00Z' }, NOW))
      .to.deep.equal([{ path: 'start', code: 'booking.blackout', params: { start: '2025-03-28', end: '2025-03-29', reason: 'Kirchweih' } }]);
    // 29–30 March touches its last day.
    expect(codes(checkBookingRules(r, { start: '2025-03-28T23:00:00Z', end: '2025-03-30T22:00:00Z' }, NOW))).to.deep.equal(['booking.blackout']);
    // 27 March alone ends exactly at the blackout's first midnight and does not touch it.
    expect(checkBookingRules(r, { start: '2025-03-26T23:00:00Z', end: '2025-03-27T23:00:00Z' }, NOW)).to.deep.equal([]);
  });

  it('keeps hour bookings within the opening hours of their weekday', () => {
    // Saturdays 10:00–18:00, Sundays 12:00–16:00.
    const r = resource({ openingHours: [{ weekday: 6, open: '10:00', close: '18:00' }, { weekday: 7, open: '12:00', close: '16:00' }] });
    // Saturday 22 March 2025, 10:00–12:00 CET.
    expect(checkBookingRules(r, { start: '2025-03-22T09:00:00Z', end: '2025-03-22T11:00:00Z' }, NOW)).to.deep.equal([]);
    expect(checkBookingRules(r, { start: '2025-03-22T16:00:00Z', end: '2025-03-22T18:00:00Z' }, NOW))
      .to.deep.equal([{ path: 'start', code: 'booking.closed', params: { weekday: 6 } }]);
    // Friday: closed all day.
    expect(codes(checkBookingRules(r, { start: '2025-03-21T09:00:00Z', end: '2025-03-21T11:00:00Z' }, NOW))).to.deep.equal(['booking.closed']);
    // Sunday 30 March (DST day), 12:00–14:00 CEST = 10:00–12:00 UTC: open by the wall clock.
    expect(checkBookingRules(r, { start: '2025-03-30T10:00:00Z', end: '2025-03-30T12:00:00Z' }, NOW)).to.deep.equal([]);
    // 11:00 UTC would be 12:00 in winter but is 13:00 CEST here; 15:00 UTC is 17:00 CEST: past closing.
    expect(codes(checkBookingRules(r, { start: '2025-03-30T13:00:00Z', end: '2025-03-30T15:00:00Z' }, NOW))).to.deep.equal(['booking.closed']);
  });

  it('limits attendees', () => {
    expect(checkBookingRules(resource({ maxAttendees: 40 }), { start: '2025-03-21T09:00:00Z', end: '2025-03-21T11:00:00Z', attendees: 41 }, NOW))
      .to.deep.equal([{ path: 'attendees', code: 'booking.tooManyAttendees', params: { max: 40 } }]);
  });
});

describe('rules/booking: rangesConflict', () => {
  const h = (hour: number) => Date.parse(`2025-03-21T${String(hour).padStart(2, '0')}:00:00Z`);
  it('treats ranges as half-open', () => {
    expect(rangesConflict({ start: h(9), end: h(11) }, { start: h(11), end: h(12) }, 0)).to.equal(false);
    expect(rangesConflict({ start: h(9), end: h(11) }, { start: h(10), end: h(12) }, 0)).to.equal(true);
    expect(rangesConflict({ start: h(9), end: h(12) }, { start: h(10), end: h(11) }, 0)).to.equal(true);
  });
  it('keeps the buffer free after each booking, on both sides', () => {
    expect(rangesConflict({ start: h(9), end: h(11) }, { start: h(11), end: h(12) }, 30)).to.equal(true);
    expect(rangesConflict({ start: h(12), end: h(13) }, { start: h(9), end: h(11) }, 60)).to.equal(false);
    expect(rangesConflict({ start: h(12), end: h(13) }, { start: h(9), end: h(11) }, 61)).to.equal(true);
  });
});

describe('rules/booking: findAlternatives', () => {
  it('offers the nearest free hour ranges of the same length, nearest first', () => {
    const r = resource({ openingHours: [] });
    const taken = [{ start: Date.parse('2025-03-21T09:00:00Z'), end: Date.parse('2025-03-21T12:00:00Z') }];
    const wanted = { start: '2025-03-21T10:00:00Z', end: '2025-03-21T12:00:00Z' };
    const alternatives = findAlternatives(r, wanted, taken, NOW);
    // 12:00 is 2 h away, 12:30 2.5 h (07:30 too, but it would run into 09:00), 07:00 and 13:00 3 h: earlier wins.
    expect(alternatives.map((a) => a.start)).to.deep.equal(['2025-03-21T12:00:00.000Z', '2025-03-21T12:30:00.000Z', '2025-03-21T07:00:00.000Z']);
    for (const a of alternatives) {
      expect(Date.parse(a.end) - Date.parse(a.start)).to.equal(2 * 3_600_000);
      expect(taken.some((t) => rangesConflict({ start: Date.parse(a.start), end: Date.parse(a.end) }, t, 0))).to.equal(false);
    }
  });

  it('only offers ranges that pass the rules (lead time, blackouts)', () => {
    const r = dayResource({ blackouts: [{ start: '2025-03-24', end: '2025-03-24', reason: '' }], leadTime: 48 * 60 });
    // Now is 20 March 10:00, so the earliest start is 22 March 10:00: 21 and 22 March are too soon,
    // 23 March is taken, 24 March is a blackout.
    const taken = [{ start: Date.parse('2025-03-22T23:00:00Z'), end: Date.parse('2025-03-23T23:00:00Z') }];
    const alternatives = findAlternatives(r, { start: '2025-03-22T23:00:00Z', end: '2025-03-23T23:00:00Z' }, taken, NOW, { count: 2 });
    expect(alternatives).to.deep.equal([
      { start: '2025-03-24T23:00:00.000Z', end: '2025-03-25T23:00:00.000Z' },
      { start: '2025-03-25T23:00:00.000Z', end: '2025-03-26T23:00:00.000Z' },
    ]);
  });

  it('keeps the number of days across a DST change', () => {
    const r = dayResource();
    // Taken: 26–28 March. Wanted: 27–28 March. The nearest free two days are 29–30 March,
    // which are 47 hours long because of the change to summer time.
    const taken = [{ start: Date.parse('2025-03-25T23:00:00Z'), end: Date.parse('2025-03-28T23:00:00Z') }];
    const [nearest] = findAlternatives(r, { start: '2025-03-26T23:00:00Z', end: '2025-03-28T23:00:00Z' }, taken, NOW, { count: 1 });
    expect(nearest).to.deep.equal({ start: '2025-03-28T23:00:00.000Z', end: '2025-03-30T22:00:00.000Z' });
  });

  it('returns nothing when nothing in the window is free', () => {
    const r = resource();
    const taken = [{ start: Date.parse('2025-03-01T00:00:00Z'), end: Date.parse('2025-05-01T00:00:00Z') }];
    expect(findAlternatives(r, { start: '2025-03-21T10:00:00Z', end: '2025-03-21T12:00:00Z' }, taken, NOW)).to.deep.equal([]);
  });
});
