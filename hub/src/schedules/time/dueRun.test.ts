import { describe, expect, it } from 'vitest';
import type { CronSchedule, Schedule } from '#schema/contracts/SchedulePolicySpec';
import { dueRun } from './dueRun.ts';
import { runsAfter } from './runsAfter.ts';

const at = (text: string) => new Date(text);
const created = at('2026-01-01T00:00Z');

/** The catch-up worked out by stepping through every run, to hold the shortcuts against. */
function dueRunByStepping(schedule: Schedule, since: Date, now: Date) {
  let due: Date | null = null;
  let passed = 0;
  for (const run of runsAfter(schedule, since)) {
    if (run > now) break;
    due = run;
    passed += 1;
  }
  return due && { due, missed: passed - 1 };
}

describe('dueRun', () => {
  const daily: Schedule = { kind: 'daily', time: '00:00', timeZone: 'UTC' };

  it('is null until the first run after creation comes', () => {
    expect(dueRun(daily, null, at('2026-11-23T14:00Z'), at('2026-11-23T23:59:59.999Z'))).toBeNull();
    expect(dueRun(daily, null, at('2026-11-23T14:00Z'), at('2026-11-24T00:00Z'))).toEqual({
      due: at('2026-11-24T00:00Z'),
      missed: 0,
    });
  });

  it('counts from the last run when there was one, not from creation', () => {
    expect(dueRun(daily, at('2026-11-24T00:00Z'), created, at('2026-11-24T12:00Z'))).toBeNull();
    expect(dueRun(daily, at('2026-11-24T00:00Z'), created, at('2026-11-25T00:00:01Z'))).toEqual({
      due: at('2026-11-25T00:00Z'),
      missed: 0,
    });
  });

  it('never counts a run at creation itself', () => {
    expect(dueRun(daily, null, at('2026-11-24T00:00Z'), at('2026-11-24T12:00Z'))).toBeNull();
  });

  it('takes one run, the latest, after a week of downtime, and counts the runs it stands for', () => {
    // Last run Monday 2026-11-16; the hub came back on Monday 2026-11-23 at 14:02.
    expect(dueRun(daily, at('2026-11-16T00:00Z'), created, at('2026-11-23T14:02Z'))).toEqual({
      due: at('2026-11-23T00:00Z'),
      missed: 6,
    });
    const every5: Schedule = { kind: 'periodic', every: 5, unit: 'minutes' };
    expect(dueRun(every5, at('2026-11-16T14:00Z'), created, at('2026-11-23T14:02Z'))).toEqual({
      due: at('2026-11-23T14:00Z'),
      missed: 7 * 288 - 1,
    });
  });

  it('catches up weekly and monthly schedules the same way', () => {
    const biweekly: Schedule = {
      kind: 'weekly',
      daysOfWeek: ['sunday'],
      everyNWeeks: 2,
      time: '00:00',
      timeZone: 'UTC',
    };
    // Even weeks' Sundays: 11-29, 12-13, 12-27 and 2027-01-10.
    expect(dueRun(biweekly, at('2026-11-15T00:00Z'), created, at('2027-01-12T00:00Z'))).toEqual({
      due: at('2027-01-10T00:00Z'),
      missed: 3,
    });
    const monthly31: Schedule = {
      kind: 'monthly',
      daysOfMonth: [31],
      everyNMonths: 1,
      time: '00:00',
      timeZone: 'UTC',
    };
    // Ten runs from February 1st on: Mar 1 (for Feb), Mar 31, May 1 (for Apr), May 31, Jul 1 (for Jun),
    // Jul 31, Aug 31, Oct 1 (for Sep), Oct 31 and Dec 1 (for Nov).
    expect(dueRun(monthly31, at('2027-01-31T00:00Z'), created, at('2027-12-15T00:00Z'))).toEqual({
      due: at('2027-12-01T00:00Z'),
      missed: 9,
    });
  });

  describe('of cron schedules', () => {
    it('takes the latest run and counts the others after a week of downtime', () => {
      const every5: CronSchedule = { kind: 'cron', expression: '*/5 * * * *', timeZone: 'Europe/Berlin' };
      expect(dueRun(every5, at('2026-11-16T14:00Z'), created, at('2026-11-23T14:02Z'))).toEqual({
        due: at('2026-11-23T14:00Z'),
        missed: 7 * 288 - 1,
      });
    });

    it('counts the repeated hour twice for an interval job and once for a fixed one', () => {
      // Berlin falls back on 2026-10-25: the week from the 20th to the 27th is 169 hours long.
      const every5: CronSchedule = { kind: 'cron', expression: '*/5 * * * *', timeZone: 'Europe/Berlin' };
      expect(dueRun(every5, at('2026-10-20T00:00+02:00'), created, at('2026-10-27T00:00+01:00'))).toEqual({
        due: at('2026-10-27T00:00+01:00'),
        missed: 169 * 12 - 1,
      });
      const nightly: CronSchedule = { kind: 'cron', expression: '30 2 * * *', timeZone: 'Europe/Berlin' };
      expect(dueRun(nightly, at('2026-10-20T02:30+02:00'), created, at('2026-10-27T12:00+01:00'))).toEqual({
        due: at('2026-10-27T02:30+01:00'),
        missed: 6,
      });
    });

    it('counts a skipped time once, at the end of the gap, for a fixed job', () => {
      const nightly: CronSchedule = { kind: 'cron', expression: '30 2 * * *', timeZone: 'Europe/Berlin' };
      expect(dueRun(nightly, null, at('2026-03-27T12:00Z'), at('2026-03-29T03:00+02:00'))).toEqual({
        due: at('2026-03-29T03:00+02:00'),
        missed: 1,
      });
    });

    it('is null when nothing ran since, and due exactly at a run', () => {
      const hourly: CronSchedule = { kind: 'cron', expression: '0 * * * *', timeZone: 'America/New_York' };
      expect(dueRun(hourly, at('2026-11-23T14:00Z'), created, at('2026-11-23T14:59:59.999Z'))).toBeNull();
      expect(dueRun(hourly, at('2026-11-23T14:00Z'), created, at('2026-11-23T15:00Z'))).toEqual({
        due: at('2026-11-23T15:00Z'),
        missed: 0,
      });
    });

    it.each<[string, string, string, string]>([
      ['*/5 * * * *', 'America/New_York', '2026-03-01T03:17Z', '2026-03-12T08:41Z'],
      ['*/5 * * * *', 'America/New_York', '2026-10-28T03:17Z', '2026-11-03T08:41Z'],
      ['*/30 1-3 * * *', 'Europe/Berlin', '2026-03-20T00:00Z', '2026-04-05T00:00Z'],
      ['*/30 1-3 * * *', 'Europe/Berlin', '2026-10-15T00:00Z', '2026-11-02T00:00Z'],
      ['0,30 2 * * *', 'Europe/Berlin', '2026-03-20T00:00Z', '2026-11-02T00:00Z'],
      ['45 23 * * 1-5', 'America/Santiago', '2026-03-20T00:00Z', '2026-09-20T00:00Z'],
      ['*/15 0,23 */2 * *', 'America/Santiago', '2026-03-28T00:00Z', '2026-04-12T00:00Z'],
      ['*/15 0,23 */2 * *', 'America/Santiago', '2026-08-30T00:00Z', '2026-09-13T00:00Z'],
      ['0 */2 * * *', 'Australia/Lord_Howe', '2026-03-28T00:00Z', '2026-04-12T00:00Z'],
      ['0 */2 * * *', 'Australia/Lord_Howe', '2026-09-27T00:00Z', '2026-10-11T00:00Z'],
      ['*/10 2 * * 0', 'Australia/Lord_Howe', '2026-01-10T00:00Z', '2026-12-31T00:00Z'],
      ['0 0 29 2 *', 'UTC', '2026-01-10T00:00Z', '2032-12-31T00:00Z'],
    ])('agrees with stepping through every run: %s in %s', (expression, timeZone, since, now) => {
      const schedule: CronSchedule = { kind: 'cron', expression, timeZone };
      const stepped = dueRunByStepping(schedule, at(since), at(now));
      expect(dueRun(schedule, at(since), created, at(now))).toEqual(stepped);
    });
  });
});
