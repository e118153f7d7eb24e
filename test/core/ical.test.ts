// Round trips through an independent RFC 5545 parser (ical.js, Mozilla's, as used by
// Thunderbird): what our writer produces must read back to exactly what went in.
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { toICalendar } from '../../src/core/ical.js';
import { occupancyToICalendar, bookingToICalendar } from '../../src/widgets/booking-calendar/ics.js';
import { callToICalendar } from '../../src/widgets/group-feed/ics.js';
import type { Booking, PublicBooking, Resource } from '../../src/data/schema/booking.js';
import type { Post } from '../../src/data/schema/feed.js';

const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

const resource = (unit: 'day' | 'hour'): Resource => ({
  id: unit === 'day' ? 'grillhuette' : 'buergerhaus-saal',
  name: unit === 'day' ? 'Grillhütte am Waldrand' : 'Bürgerhaus – Großer Saal',
  description: '',
  location: 'Waldweg 3, Musterdorf',
  timeZone: 'Europe/Berlin',
  houseRules: 'Bitte sauber verlassen; Müll mitnehmen.',
  rules: {
    unit, step: unit === 'day' ? 60 : 30, minDuration: 1, maxDuration: unit === 'day' ? 3 : 720, leadTime: 0,
    maxAdvance: 3000, buffer: 0, approval: 'manual', blackouts: [], openingHours: [], maxAttendees: null, price: null,
  },
});

const words = { calendarName: 'Grillhütte – Belegung', confirmed: 'belegt', requested: 'angefragt' };

describe('iCalendar output, read back by ical.js', () => {
  it('keeps hostile and long text exactly: escaping, folding inside multi-byte characters, line breaks', () => {
    const summary = 'Sommerfest; Grillen, Musik \\ Tanz – Übernachtung 🎉'.repeat(4);
    const description = 'Zeile eins\nZeile zwei; mit Komma, und \\Backslash\r\nund CRLF';
    const text = toICalendar([{ uid: 'u1@x', start: new Date('2027-06-05T16:00:00Z'), end: new Date('2027-06-05T22:00:00Z'), summary, description, location: 'Am See, Steg 2' }]);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).to.equal(true);
    const [event] = events(text);
    expect(event!.summary).to.equal(summary);
    expect(event!.description).to.equal(description.replace(/\r\n/g, '\n'));
    expect(event!.location).to.equal('Am See, Steg 2');
    expect(event!.uid).to.equal('u1@x');
    expect(event!.startDate.toJSDate().toISOString()).to.equal('2027-06-05T16:00:00.000Z');
  });

  it('exports day bookings as all-day events on the resource\'s calendar days, across both DST changes', () => {
    // Berlin: summer time starts on 28 March 2027 and ends on 31 October 2027 (last Sundays).
    const bookings: PublicBooking[] = [
      // 27–28 March: the second day has only 23 hours.
      { id: 'b-march', resourceId: 'grillhuette', start: '2027-03-26T23:00:00.000Z', end: '2027-03-28T22:00:00.000Z', status: 'confirmed', publicLabel: 'Osterfeuer' },
      // 30–31 October: the second day has 25 hours.
      { id: 'b-october', resourceId: 'grillhuette', start: '2027-10-29T22:00:00.000Z', end: '2027-10-31T23:00:00.000Z', status: 'requested', publicLabel: '' },
    ];
    const parsed = events(occupancyToICalendar(resource('day'), bookings, 'musterdorf', words));
    expect(parsed.map((e) => [e.startDate.isDate, e.startDate.toString(), e.endDate.toString(), e.summary])).to.deep.equal([
      [true, '2027-03-27', '2027-03-29', 'belegt: Osterfeuer'],
      [true, '2027-10-30', '2027-11-01', 'angefragt'],
    ]);
  });

  it('exports hour bookings as exact instants, the same on both sides of a DST change', () => {
    const bookings: PublicBooking[] = [
      // 10:00–14:00 Berlin on the day summer time starts (UTC+1 → UTC+2).
      { id: 'h1', resourceId: 'buergerhaus-saal', start: '2027-03-28T08:00:00.000Z', end: '2027-03-28T12:00:00.000Z', status: 'confirmed', publicLabel: 'Chorprobe' },
    ];
    const [event] = events(occupancyToICalendar(resource('hour'), bookings, 'musterdorf', words));
    expect(event!.startDate.toJSDate().toISOString()).to.equal('2027-03-28T08:00:00.000Z');
    expect(event!.endDate.toJSDate().toISOString()).to.equal('2027-03-28T12:00:00.000Z');
    expect(event!.startDate.zone.tzid).to.equal('UTC');
  });

  it('puts nobody into the public occupancy, and the requester\'s own purpose only into their own booking', () => {
    const booking: Booking = {
      id: 'b1', resourceId: 'grillhuette', start: '2027-06-04T22:00:00.000Z', end: '2027-06-05T22:00:00.000Z', status: 'confirmed',
      publicLabel: '', purpose: 'Geburtstag von Oma Erna', attendees: 30,
      requester: { name: 'Erna Beispiel', email: 'erna@example.org', phone: '+49 170 1234567' },
      createdAt: '2027-05-01T10:00:00.000Z', decidedAt: null, reason: null,
    };
    const publicText = occupancyToICalendar(resource('day'), [{ id: booking.id, resourceId: booking.resourceId, start: booking.start, end: booking.end, status: 'confirmed', publicLabel: '' }], 'musterdorf', words);
    for (const secret of ['Erna', 'erna@example.org', '1234567', 'Geburtstag']) expect(publicText).not.to.contain(secret);
    const [own] = events(bookingToICalendar(resource('day'), booking, 'musterdorf'));
    expect(own!.summary).to.equal('Grillhütte am Waldrand: Geburtstag von Oma Erna');
    expect(own!.description).to.equal('Bitte sauber verlassen; Müll mitnehmen.');
    expect(own!.startDate.toString()).to.equal('2027-06-05');
  });

  it('turns a "Mach mit!" call into an event with its place and what is still needed', () => {
    const post = {
      id: 'p-dorfputz', title: 'Dorfputz am Samstag', body: 'Wir treffen uns am Dorfplatz.', createdAt: '2027-04-01T08:00:00.000Z',
      call: {
        start: '2027-04-10T07:00:00.000Z', end: '2027-04-10T11:00:00.000Z', place: 'Dorfplatz, am Brunnen',
        slots: [{ id: 's1', label: 'Helfer:innen', kind: 'people', capacity: 10, committed: 6, mine: 0 }],
      },
    } as unknown as Post;
    const [event] = events(callToICalendar(post, 'musterdorf'));
    expect(event!.summary).to.equal('Dorfputz am Samstag');
    expect(event!.location).to.equal('Dorfplatz, am Brunnen');
    expect(event!.description).to.equal('Wir treffen uns am Dorfplatz.\n\nHelfer:innen: 6/10');
    expect(event!.startDate.toJSDate().toISOString()).to.equal('2027-04-10T07:00:00.000Z');
    expect(event!.endDate.toJSDate().toISOString()).to.equal('2027-04-10T11:00:00.000Z');
  });
});
