import { describe, expect, it } from 'vitest';
import { type CronExpression, parseCronExpression } from '#schema/contracts/parseCronExpression';
import type { CronSchedule } from '#schema/contracts/SchedulePolicySpec';
import { nextRuns } from './nextRuns.ts';
import { msPerDay } from './wallClockInstant.ts';

const cron = (expression: string, timeZone = 'UTC'): CronSchedule => ({ kind: 'cron', expression, timeZone });
const runs = (schedule: CronSchedule, after: string, count: number) =>
  nextRuns(schedule, new Date(after), count).map((at) => at.toISOString());
const utc = (...texts: string[]) => texts.map((text) => new Date(text).toISOString());

/** The runs in UTC of a parsed expression, read straight from its documented semantics, one day at a time. */
function* runsByTheBook(parsed: CronExpression, after: Date): Generator<Date, void> {
  for (let day = Math.floor(after.getTime() / msPerDay); ; day += 1) {
    const date = new Date(day * msPerDay);
    if (!parsed.months.includes(date.getUTCMonth() + 1)) continue;
    const byMonth = parsed.daysOfMonth.includes(date.getUTCDate());
    const byWeek = parsed.daysOfWeek.includes(date.getUTCDay());
    const either = parsed.daysOfMonthRestricted && parsed.daysOfWeekRestricted;
    if (!(either ? byMonth || byWeek : byMonth && byWeek)) continue;
    for (const hour of parsed.hours) {
      for (const minute of parsed.minutes) {
        const at = new Date(day * msPerDay + (hour * 60 + minute) * 60_000);
        if (at > after) yield at;
      }
    }
  }
}

describe('cron schedules', () => {
  it.each([
    '*/15 2-4 1,15 jan-MAR/2 mon-fri',
    '50/5 0 * * 6,7',
    '3/20 */6 10-20/5 */3 *',
    '0 0 29 2 *',
    '0 0 30 2 1',
    '0 12 */2 * mon',
    '0 0 1 * 0-7',
    '5 4 * * sun',
    '0 0 * * 7',
    '0 0 * * 5-7',
    '0 0 * * */2',
    '30 23 31 * *',
    '7 3 13 * 5',
    '0 9-17/4 * * 1-5',
    '59 23 * dec FRI',
    '0 0 1-7 * 1',
    '0 0 * * mon/2',
    '0 0 * * 5/1',
    '0 0 * * 1-7/2',
    '0 0 * * */7',
    '0 0 * * 6-7',
    '00 01 01 01 00',
    '0 0 * jan/5 *',
    '*/59 * * * *',
  ])('evaluate %s in the dialect parseCronExpression documents', (expression) => {
    const after = new Date('2027-12-20T10:20Z');
    const expected: string[] = [];
    for (const at of runsByTheBook(parseCronExpression(expression, 'cron'), after)) {
      expected.push(at.toISOString());
      if (expected.length === 40) break;
    }
    expect(runs(cron(expression), after.toISOString(), 40)).toEqual(expected);
  });

  it('give the run after, never the one at, `after`, to the millisecond', () => {
    expect(runs(cron('0 10 * * *'), '2026-01-05T10:00:00.000Z', 1)).toEqual(utc('2026-01-06T10:00Z'));
    expect(runs(cron('0 10 * * *'), '2026-01-05T09:59:59.999Z', 1)).toEqual(utc('2026-01-05T10:00Z'));
  });

  it('run on the wall clock of their time zone', () => {
    expect(runs(cron('0 3 * * 1-5', 'America/New_York'), '2026-11-27T12:00Z', 2)).toEqual(
      utc('2026-11-30T03:00-05:00', '2026-12-01T03:00-05:00'),
    );
    expect(runs(cron('0 0 29 2 *', 'Asia/Tokyo'), '2026-01-01T00:00Z', 2)).toEqual(
      utc('2028-02-29T00:00+09:00', '2032-02-29T00:00+09:00'),
    );
  });

  describe('at fixed times, across daylight saving', () => {
    it('run a skipped time at the end of the gap', () => {
      expect(runs(cron('30 2 * * *', 'Europe/Berlin'), '2026-03-27T12:00Z', 3)).toEqual(
        utc('2026-03-28T02:30+01:00', '2026-03-29T03:00+02:00', '2026-03-30T02:30+02:00'),
      );
      expect(runs(cron('0 2,14 * * *', 'Europe/Berlin'), '2026-03-28T12:00Z', 3)).toEqual(
        utc('2026-03-28T14:00+01:00', '2026-03-29T03:00+02:00', '2026-03-29T14:00+02:00'),
      );
    });

    it('run a repeated time once, at its first occurrence', () => {
      expect(runs(cron('30 2 * * *', 'Europe/Berlin'), '2026-10-24T12:00Z', 2)).toEqual(
        utc('2026-10-25T02:30+02:00', '2026-10-26T02:30+01:00'),
      );
      expect(runs(cron('0 1 * * *', 'America/New_York'), '2026-11-01T01:10-04:00', 1)).toEqual(
        utc('2026-11-02T01:00-05:00'),
      );
    });
  });

  describe('with a * or step in the minute or hour, across daylight saving', () => {
    it('skip the times that do not exist', () => {
      expect(runs(cron('0 * * * *', 'America/New_York'), '2026-03-08T00:30-05:00', 3)).toEqual(
        utc('2026-03-08T01:00-05:00', '2026-03-08T03:00-04:00', '2026-03-08T04:00-04:00'),
      );
      expect(runs(cron('*/30 2 * * *', 'Europe/Berlin'), '2026-03-28T12:00Z', 2)).toEqual(
        utc('2026-03-30T02:00+02:00', '2026-03-30T02:30+02:00'),
      );
    });

    it('run both passes through a repeated hour, keeping their rhythm in real time', () => {
      expect(runs(cron('0 * * * *', 'America/New_York'), '2026-11-01T00:30-04:00', 3)).toEqual(
        utc('2026-11-01T01:00-04:00', '2026-11-01T01:00-05:00', '2026-11-01T02:00-05:00'),
      );
      expect(runs(cron('*/30 1 * * *', 'America/New_York'), '2026-11-01T01:10-05:00', 2)).toEqual(
        utc('2026-11-01T01:30-05:00', '2026-11-02T01:00-05:00'),
      );
    });
  });

  it.each([
    ['Europe/Berlin', ['02:00', '02:30', '03:00', '01:59']],
    ['America/New_York', ['01:00', '01:30', '02:00', '02:30', '00:00']],
    ['Australia/Sydney', ['02:00', '02:30', '03:00']],
    ['Australia/Lord_Howe', ['01:45', '02:00', '02:15']],
    ['America/Santiago', ['00:00', '00:30', '23:30']],
  ])('agree with daily schedules at the same time of day, in %s, through a year', (timeZone, times) => {
    for (const time of times) {
      const [hours, minutes] = time.split(':').map(Number);
      const after = new Date('2026-01-01T00:00Z');
      const daily = nextRuns({ kind: 'daily', time, timeZone }, after, 370).map((at) => at.toISOString());
      const sameTime = cron(`${minutes} ${hours} * * *`, timeZone);
      expect(runs(sameTime, after.toISOString(), 370), time).toEqual(daily);
    }
  });
});
