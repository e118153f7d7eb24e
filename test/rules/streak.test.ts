import { expect } from '@open-wc/testing';
import { checkInDay, cohortLastDay, isWithinCohort, streakOf } from '../../src/data/rules/streak.js';

const BERLIN = 'Europe/Berlin';

describe('rules/streak', () => {
  it('counts a check-in at 23:59 local time for that day', () => {
    // 23:59 CEST on 1 July is 21:59 UTC; 23:59 CET on 15 January is 22:59 UTC.
    expect(checkInDay('2030-07-01T21:59:00Z', BERLIN)).to.equal('2030-07-01');
    expect(checkInDay('2030-01-15T22:59:00Z', BERLIN)).to.equal('2030-01-15');
    // One minute later it is the next day.
    expect(checkInDay('2030-01-15T23:00:00Z', BERLIN)).to.equal('2030-01-16');
    // On the short spring day too: 23:59 CEST on 30 March 2025 is 21:59 UTC.
    expect(checkInDay('2025-03-30T21:59:00Z', BERLIN)).to.equal('2025-03-30');
  });

  it('counts consecutive days ending today', () => {
    expect(streakOf(['2030-03-01', '2030-03-02', '2030-03-03'], '2030-03-03')).to.equal(3);
    expect(streakOf(['2030-03-03', '2030-03-01', '2030-03-02', '2030-03-02'], '2030-03-03')).to.equal(3);
    expect(streakOf(['2030-03-01', '2030-03-03'], '2030-03-03')).to.equal(1);
    expect(streakOf([], '2030-03-03')).to.equal(0);
  });

  it('keeps yesterday\'s streak alive until today is over, and breaks after a missed day', () => {
    expect(streakOf(['2030-03-01', '2030-03-02'], '2030-03-03')).to.equal(2);
    expect(streakOf(['2030-03-01', '2030-03-02'], '2030-03-04')).to.equal(0);
  });

  it('is not broken or stretched by the DST weekends', () => {
    // Check-ins at 23:59 local time on 29, 30 and 31 March 2025, across the change to summer time.
    const days = ['2025-03-29T22:59:00Z', '2025-03-30T21:59:00Z', '2025-03-31T21:59:00Z'].map((at) => checkInDay(at, BERLIN));
    expect(days).to.deep.equal(['2025-03-29', '2025-03-30', '2025-03-31']);
    expect(streakOf(days, '2025-03-31')).to.equal(3);
    // And across the change back: 00:30 local on 26 and 27 October 2025.
    const autumn = ['2025-10-25T22:30:00Z', '2025-10-26T23:30:00Z'].map((at) => checkInDay(at, BERLIN));
    expect(autumn).to.deep.equal(['2025-10-26', '2025-10-27']);
    expect(streakOf(autumn, '2025-10-27')).to.equal(2);
  });

  it('knows the cohort\'s days', () => {
    const cohort = { start: '2030-03-04', days: 30 };
    expect(cohortLastDay(cohort)).to.equal('2030-04-02');
    expect(isWithinCohort(cohort, '2030-03-03')).to.equal(false);
    expect(isWithinCohort(cohort, '2030-03-04')).to.equal(true);
    expect(isWithinCohort(cohort, '2030-04-02')).to.equal(true);
    expect(isWithinCohort(cohort, '2030-04-03')).to.equal(false);
  });
});
