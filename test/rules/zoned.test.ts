import { expect } from '@open-wc/testing';
import {
  addDays, calendarDayOf, daysBetween, isoWeekday, isStartOfZonedDay, minutesOfDay, startOfZonedDay, zonedDateTime,
  zoneOffsetMs,
} from '../../src/data/rules/zoned.js';

const BERLIN = 'Europe/Berlin';
const HOUR = 3_600_000;

describe('rules/zoned', () => {
  it('puts an instant on the calendar day of the zone, not of UTC', () => {
    // 23:59 in Berlin summer time is 21:59 UTC; 00:30 in Berlin is still the previous day in UTC.
    expect(calendarDayOf('2030-07-01T21:59:00Z', BERLIN)).to.equal('2030-07-01');
    expect(calendarDayOf('2030-07-01T22:30:00Z', BERLIN)).to.equal('2030-07-02');
    expect(calendarDayOf('2030-01-15T22:59:59Z', BERLIN)).to.equal('2030-01-15');
    expect(calendarDayOf('2030-01-15T23:00:00Z', BERLIN)).to.equal('2030-01-16');
    expect(calendarDayOf('2030-01-15T23:00:00Z', 'America/New_York')).to.equal('2030-01-15');
  });

  it('knows the offset before and after the March and October changes', () => {
    // 2025: summer time starts 30 March 01:00 UTC, ends 26 October 01:00 UTC.
    expect(zoneOffsetMs('2025-03-30T00:59:59Z', BERLIN)).to.equal(1 * HOUR);
    expect(zoneOffsetMs('2025-03-30T01:00:00Z', BERLIN)).to.equal(2 * HOUR);
    expect(zoneOffsetMs('2025-10-26T00:59:59Z', BERLIN)).to.equal(2 * HOUR);
    expect(zoneOffsetMs('2025-10-26T01:00:00Z', BERLIN)).to.equal(1 * HOUR);
  });

  it('finds local midnight on 23-hour and 25-hour days', () => {
    expect(startOfZonedDay('2025-03-30', BERLIN).toISOString()).to.equal('2025-03-29T23:00:00.000Z');
    expect(startOfZonedDay('2025-03-31', BERLIN).toISOString()).to.equal('2025-03-30T22:00:00.000Z');
    expect(startOfZonedDay('2025-10-26', BERLIN).toISOString()).to.equal('2025-10-25T22:00:00.000Z');
    expect(startOfZonedDay('2025-10-27', BERLIN).toISOString()).to.equal('2025-10-26T23:00:00.000Z');
    const spring = startOfZonedDay('2025-03-31', BERLIN).getTime() - startOfZonedDay('2025-03-30', BERLIN).getTime();
    const autumn = startOfZonedDay('2025-10-27', BERLIN).getTime() - startOfZonedDay('2025-10-26', BERLIN).getTime();
    expect(spring).to.equal(23 * HOUR);
    expect(autumn).to.equal(25 * HOUR);
  });

  it('moves a skipped wall time forward and takes the earlier of a repeated one', () => {
    // 02:30 does not exist on 30 March 2025 in Berlin: it becomes 03:30 CEST = 01:30 UTC.
    expect(zonedDateTime('2025-03-30', 2 * 60 + 30, BERLIN).toISOString()).to.equal('2025-03-30T01:30:00.000Z');
    // 02:30 happens twice on 26 October 2025: first in CEST (00:30 UTC), then in CET (01:30 UTC).
    expect(zonedDateTime('2025-10-26', 2 * 60 + 30, BERLIN).toISOString()).to.equal('2025-10-26T00:30:00.000Z');
    expect(zonedDateTime('2025-10-26', 12 * 60, BERLIN).toISOString()).to.equal('2025-10-26T11:00:00.000Z');
  });

  it('reads wall-clock minutes of an instant', () => {
    expect(minutesOfDay('2025-03-30T01:30:00Z', BERLIN)).to.equal(3 * 60 + 30);
    expect(minutesOfDay('2025-10-26T01:30:00Z', BERLIN)).to.equal(2 * 60 + 30);
    expect(isStartOfZonedDay('2025-03-29T23:00:00Z', BERLIN)).to.equal(true);
    expect(isStartOfZonedDay('2025-03-30T23:00:00Z', BERLIN)).to.equal(false);
  });

  it('does calendar arithmetic without hours', () => {
    expect(addDays('2025-03-29', 2)).to.equal('2025-03-31');
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2025-01-01', -1)).to.equal('2024-12-31');
    expect(daysBetween('2025-03-29', '2025-03-31')).to.equal(2);
    expect(daysBetween('2025-10-27', '2025-10-25')).to.equal(-2);
    expect(isoWeekday('2025-03-30')).to.equal(7);
    expect(isoWeekday('2030-03-04')).to.equal(1);
    expect(() => addDays('30.03.2025', 1)).to.throw(RangeError);
  });
});
