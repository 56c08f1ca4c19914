import { describe, expect, it } from 'vitest';
import type { DayOfWeek, WeeklySchedule } from '#schema/contracts/SchedulePolicySpec';
import { nextRuns } from './nextRuns.ts';

const weekly = (
  days: DayOfWeek[],
  everyNWeeks: number,
  time = '00:00',
  timeZone = 'UTC',
): WeeklySchedule => ({
  kind: 'weekly',
  daysOfWeek: days,
  everyNWeeks,
  time,
  timeZone,
});
const runs = (schedule: WeeklySchedule, after: string, count: number) =>
  nextRuns(schedule, new Date(after), count).map((at) => at.toISOString());
const utc = (...texts: string[]) => texts.map((text) => new Date(text).toISOString());

// Weeks run Monday to Sunday from 1970-01-05. The week of Monday 2026-11-23 is week 2968 (even), so with
// everyNWeeks 2 it runs, the week of Monday 2026-11-30 does not, the week of Monday 2026-12-07 does.
describe('weekly schedules', () => {
  it('run on each chosen day, every week', () => {
    expect(runs(weekly(['monday', 'wednesday', 'friday'], 1, '03:00'), '2026-11-23T03:00Z', 4)).toEqual(
      utc('2026-11-25T03:00Z', '2026-11-27T03:00Z', '2026-11-30T03:00Z', '2026-12-02T03:00Z'),
    );
  });

  it('run every second week on the weeks counted from 1970-01-05, with Sunday ending the week', () => {
    expect(runs(weekly(['sunday', 'wednesday'], 2), '2026-11-23T00:00Z', 6)).toEqual(
      utc(
        '2026-11-25T00:00Z',
        '2026-11-29T00:00Z',
        '2026-12-09T00:00Z',
        '2026-12-13T00:00Z',
        '2026-12-23T00:00Z',
        '2026-12-27T00:00Z',
      ),
    );
    // Asked in an odd week, the first run is in the next even week.
    expect(runs(weekly(['monday', 'tuesday', 'saturday'], 2), '2026-11-30T12:00Z', 4)).toEqual(
      utc('2026-12-07T00:00Z', '2026-12-08T00:00Z', '2026-12-12T00:00Z', '2026-12-21T00:00Z'),
    );
  });

  it('pick the same weeks whenever they are asked, the first of them the week of 1970-01-05', () => {
    expect(runs(weekly(['thursday', 'sunday'], 3), '1970-01-01T00:00Z', 4)).toEqual(
      utc('1970-01-08T00:00Z', '1970-01-11T00:00Z', '1970-01-29T00:00Z', '1970-02-01T00:00Z'),
    );
    expect(runs(weekly(['sunday'], 52), '2026-11-23T00:00Z', 2)).toEqual(
      // Week 2964 = 52 × 57 started on Monday 2026-10-26.
      utc('2027-10-31T00:00Z', '2028-10-29T00:00Z'),
    );
  });

  it('count weeks and days on the local calendar', () => {
    // Sunday 00:30 in Berlin is still Saturday in UTC.
    expect(runs(weekly(['sunday'], 2, '00:30', 'Europe/Berlin'), '2026-11-23T00:00Z', 2)).toEqual(
      utc('2026-11-29T00:30+01:00', '2026-12-13T00:30+01:00'),
    );
  });

  it('run a skipped time when the gap ends and a repeated one once', () => {
    expect(runs(weekly(['sunday'], 1, '02:30', 'Europe/Berlin'), '2026-03-22T12:00Z', 2)).toEqual(
      utc('2026-03-29T03:00+02:00', '2026-04-05T02:30+02:00'),
    );
    expect(runs(weekly(['sunday'], 1, '01:30', 'America/New_York'), '2026-10-25T12:00Z', 2)).toEqual(
      utc('2026-11-01T01:30-04:00', '2026-11-08T01:30-05:00'),
    );
  });

  it('never run when no day is chosen (a spec that the parser refuses)', () => {
    expect(nextRuns(weekly([], 1), new Date('2026-11-23T00:00Z'), 3)).toEqual([]);
  });
});
