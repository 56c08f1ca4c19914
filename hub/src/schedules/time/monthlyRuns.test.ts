import { describe, expect, it } from 'vitest';
import type { MonthlySchedule } from '#schema/contracts/SchedulePolicySpec';
import { nextRuns } from './nextRuns.ts';

const monthly = (days: number[], everyNMonths = 1, time = '00:00', timeZone = 'UTC'): MonthlySchedule => ({
  kind: 'monthly',
  daysOfMonth: days,
  everyNMonths,
  time,
  timeZone,
});
const runs = (schedule: MonthlySchedule, after: string, count: number) =>
  nextRuns(schedule, new Date(after), count).map((at) => at.toISOString());
const utc = (...texts: string[]) => texts.map((text) => new Date(text).toISOString());

describe('monthly schedules', () => {
  it('run on each chosen day of every month', () => {
    expect(runs(monthly([1, 15], 1, '04:00'), '2026-11-23T00:00Z', 3)).toEqual(
      utc('2026-12-01T04:00Z', '2026-12-15T04:00Z', '2027-01-01T04:00Z'),
    );
  });

  it('roll the 31st of April over to May 1st, and run May 31st as well', () => {
    expect(runs(monthly([31]), '2027-03-31T00:00Z', 3)).toEqual(
      utc('2027-05-01T00:00Z', '2027-05-31T00:00Z', '2027-07-01T00:00Z'),
    );
  });

  it('run a rolled-over day and the 1st once, not twice, on the same date', () => {
    expect(runs(monthly([1, 31]), '2027-04-15T00:00Z', 3)).toEqual(
      utc('2027-05-01T00:00Z', '2027-05-31T00:00Z', '2027-06-01T00:00Z'),
    );
  });

  it('run the 29th, 30th and 31st of February on March 1st once in a common year', () => {
    expect(runs(monthly([29, 30, 31]), '2027-02-15T00:00Z', 5)).toEqual(
      utc(
        '2027-03-01T00:00Z',
        '2027-03-29T00:00Z',
        '2027-03-30T00:00Z',
        '2027-03-31T00:00Z',
        '2027-04-29T00:00Z',
      ),
    );
    // 2100 is divisible by 100 and not by 400: no leap day.
    expect(runs(monthly([29]), '2100-02-15T00:00Z', 2)).toEqual(
      utc('2100-03-01T00:00Z', '2100-03-29T00:00Z'),
    );
  });

  it('run on February 29th in a leap year, rolling only the 30th and 31st over', () => {
    expect(runs(monthly([29, 30, 31]), '2028-02-15T00:00Z', 3)).toEqual(
      utc('2028-02-29T00:00Z', '2028-03-01T00:00Z', '2028-03-29T00:00Z'),
    );
    expect(runs(monthly([29]), '2028-01-30T00:00Z', 3)).toEqual(
      utc('2028-02-29T00:00Z', '2028-03-29T00:00Z', '2028-04-29T00:00Z'),
    );
    expect(runs(monthly([30]), '2028-02-15T00:00Z', 1)).toEqual(utc('2028-03-01T00:00Z'));
    expect(runs(monthly([29]), '2000-02-15T00:00Z', 1)).toEqual(utc('2000-02-29T00:00Z'));
  });

  it('run every Nth month counted from January 1970, whenever they are asked', () => {
    // Months 0, 2, 4, …: January, March, May, … every year.
    expect(runs(monthly([1], 2), '2026-11-23T00:00Z', 3)).toEqual(
      utc('2027-01-01T00:00Z', '2027-03-01T00:00Z', '2027-05-01T00:00Z'),
    );
    expect(runs(monthly([10], 3), '2026-11-23T00:00Z', 2)).toEqual(
      utc('2027-01-10T00:00Z', '2027-04-10T00:00Z'),
    );
    // 5 does not divide 12: February 2027 is month 685 = 5 × 137, then July, December, May.
    expect(runs(monthly([1], 5), '2026-11-23T00:00Z', 4)).toEqual(
      utc('2027-02-01T00:00Z', '2027-07-01T00:00Z', '2027-12-01T00:00Z', '2028-05-01T00:00Z'),
    );
  });

  it('roll over into a month that is not itself chosen', () => {
    // Every second month from January: February and April are not chosen, yet January 31st is always a run
    // and the 31st of November (chosen) falls on December 1st.
    expect(runs(monthly([31], 2), '2026-10-01T00:00Z', 3)).toEqual(
      utc('2026-12-01T00:00Z', '2027-01-31T00:00Z', '2027-03-31T00:00Z'),
    );
  });

  it('run on the local calendar, with the daylight-saving rules of the other kinds', () => {
    // February 29th of 2026 rolls over to March 1st, then March 29th is the night the clocks spring forward.
    expect(runs(monthly([29], 1, '02:30', 'Europe/Berlin'), '2026-02-15T00:00Z', 3)).toEqual(
      utc('2026-03-01T02:30+01:00', '2026-03-29T03:00+02:00', '2026-04-29T02:30+02:00'),
    );
    expect(runs(monthly([1], 1, '01:30', 'America/New_York'), '2026-10-15T00:00Z', 2)).toEqual(
      utc('2026-11-01T01:30-04:00', '2026-12-01T01:30-05:00'),
    );
    // 23:30 on April 30th in New York is May 1st in UTC; the 31st of April rolls over to May 1st local.
    expect(runs(monthly([30, 31], 1, '23:30', 'America/New_York'), '2027-04-30T00:00Z', 2)).toEqual(
      utc('2027-04-30T23:30-04:00', '2027-05-01T23:30-04:00'),
    );
  });

  it('never run when no day is chosen (a spec that the parser refuses)', () => {
    expect(nextRuns(monthly([]), new Date('2026-11-23T00:00Z'), 3)).toEqual([]);
  });
});
