import { describe, expect, it } from 'vitest';
import type { DailySchedule } from '#schema/contracts/SchedulePolicySpec';
import { nextRuns } from './nextRuns.ts';

const daily = (time: string, timeZone: string): DailySchedule => ({ kind: 'daily', time, timeZone });
const runs = (schedule: DailySchedule, after: string, count: number) =>
  nextRuns(schedule, new Date(after), count).map((at) => at.toISOString());
const utc = (...texts: string[]) => texts.map((text) => new Date(text).toISOString());

describe('daily schedules', () => {
  it('run at the time every day, strictly after `after`', () => {
    expect(runs(daily('00:00', 'UTC'), '2026-11-23T14:02Z', 2)).toEqual(
      utc('2026-11-24T00:00Z', '2026-11-25T00:00Z'),
    );
    expect(runs(daily('14:02', 'UTC'), '2026-11-23T14:02Z', 1)).toEqual(utc('2026-11-24T14:02Z'));
    expect(runs(daily('14:02', 'UTC'), '2026-11-23T14:01:59.999Z', 1)).toEqual(utc('2026-11-23T14:02Z'));
  });

  it('run on the local date, which may not be the UTC date', () => {
    // 23:30 UTC is already the next day in Berlin, whose 00:15 run of that day is then still to come.
    expect(runs(daily('00:15', 'Europe/Berlin'), '2026-11-23T23:00Z', 2)).toEqual(
      utc('2026-11-24T00:15+01:00', '2026-11-25T00:15+01:00'),
    );
    // 02:00 UTC on the 24th is still the evening of the 23rd in New York.
    expect(runs(daily('22:00', 'America/New_York'), '2026-11-24T02:00Z', 1)).toEqual(
      utc('2026-11-23T22:00-05:00'),
    );
  });

  describe('in Europe/Berlin', () => {
    it('run a skipped time at the end of the gap when the clocks spring forward', () => {
      expect(runs(daily('02:30', 'Europe/Berlin'), '2026-03-27T12:00Z', 4)).toEqual(
        utc(
          '2026-03-28T02:30+01:00',
          '2026-03-29T03:00+02:00',
          '2026-03-30T02:30+02:00',
          '2026-03-31T02:30+02:00',
        ),
      );
    });

    it('keep a time just outside the gap on its own offset', () => {
      expect(runs(daily('01:59', 'Europe/Berlin'), '2026-03-28T12:00Z', 2)).toEqual(
        utc('2026-03-29T01:59+01:00', '2026-03-30T01:59+02:00'),
      );
      expect(runs(daily('03:00', 'Europe/Berlin'), '2026-03-28T12:00Z', 1)).toEqual(
        utc('2026-03-29T03:00+02:00'),
      );
    });

    it('run a repeated time once, at its first occurrence, when the clocks fall back', () => {
      expect(runs(daily('02:30', 'Europe/Berlin'), '2026-10-24T12:00Z', 3)).toEqual(
        utc('2026-10-25T02:30+02:00', '2026-10-26T02:30+01:00', '2026-10-27T02:30+01:00'),
      );
      // Asked during the second pass through 02:00-03:00, the day's run is behind: the next is tomorrow.
      expect(runs(daily('02:30', 'Europe/Berlin'), '2026-10-25T02:15+01:00', 1)).toEqual(
        utc('2026-10-26T02:30+01:00'),
      );
    });
  });

  describe('in America/New_York', () => {
    it('run a skipped time at the end of the gap when the clocks spring forward', () => {
      expect(runs(daily('02:00', 'America/New_York'), '2026-03-07T12:00Z', 3)).toEqual(
        utc('2026-03-08T03:00-04:00', '2026-03-09T02:00-04:00', '2026-03-10T02:00-04:00'),
      );
    });

    it('run a repeated time once, at its first occurrence, when the clocks fall back', () => {
      expect(runs(daily('01:30', 'America/New_York'), '2026-10-31T12:00Z', 3)).toEqual(
        utc('2026-11-01T01:30-04:00', '2026-11-02T01:30-05:00', '2026-11-03T01:30-05:00'),
      );
      expect(runs(daily('01:30', 'America/New_York'), '2026-11-01T01:45-05:00', 1)).toEqual(
        utc('2026-11-02T01:30-05:00'),
      );
    });

    it('are 23 and 25 hours apart across the transitions, never twice or not at all in a day', () => {
      const noon = daily('12:00', 'America/New_York');
      const [spring1, spring2] = nextRuns(noon, new Date('2026-03-07T11:00-05:00'), 2);
      expect((spring2 as Date).getTime() - (spring1 as Date).getTime()).toBe(23 * 3_600_000);
      const [fall1, fall2] = nextRuns(noon, new Date('2026-10-31T11:00-04:00'), 2);
      expect((fall2 as Date).getTime() - (fall1 as Date).getTime()).toBe(25 * 3_600_000);
    });
  });
});
