import { describe, expect, it } from 'vitest';
import type { PeriodicSchedule } from '#schema/contracts/SchedulePolicySpec';
import { nextRunAfter } from './nextRunAfter.ts';
import { nextRuns } from './nextRuns.ts';

const every = (n: number, unit: PeriodicSchedule['unit']): PeriodicSchedule => ({
  kind: 'periodic',
  every: n,
  unit,
});
const runs = (schedule: PeriodicSchedule, after: string, count: number) =>
  nextRuns(schedule, new Date(after), count).map((at) => at.toISOString());
const utc = (...texts: string[]) => texts.map((text) => new Date(text).toISOString());

describe('periodic schedules', () => {
  it('run at multiples of minutes since the epoch, whenever they are asked', () => {
    expect(runs(every(15, 'minutes'), '2026-11-23T14:02:31.500Z', 3)).toEqual(
      utc('2026-11-23T14:15Z', '2026-11-23T14:30Z', '2026-11-23T14:45Z'),
    );
    // 7 does not divide an hour or a day: the rhythm runs on from the epoch, not from the hour. Midnight on
    // 2026-11-23 is 29,923,200 minutes after it, 6 past a multiple of 7.
    expect(runs(every(7, 'minutes'), '2026-11-23T00:00Z', 2)).toEqual(
      utc('2026-11-23T00:01Z', '2026-11-23T00:08Z'),
    );
    expect(runs(every(1440, 'minutes'), '2026-11-23T14:02Z', 1)).toEqual(utc('2026-11-24T00:00Z'));
  });

  it('run at multiples of hours since the epoch: every 6 hours at 00, 06, 12 and 18 UTC', () => {
    expect(runs(every(6, 'hours'), '2026-11-23T05:59:59.999Z', 4)).toEqual(
      utc('2026-11-23T06:00Z', '2026-11-23T12:00Z', '2026-11-23T18:00Z', '2026-11-24T00:00Z'),
    );
    expect(runs(every(1, 'hours'), '2026-11-23T14:02Z', 2)).toEqual(
      utc('2026-11-23T15:00Z', '2026-11-23T16:00Z'),
    );
    // 744 hours is 31 days, and 660 × 31 days after 1970-01-01 is 2026-01-07.
    expect(runs(every(744, 'hours'), '2026-01-01T00:00Z', 1)).toEqual(utc('2026-01-07T00:00Z'));
  });

  it('give the run after, never the one at, `after`', () => {
    expect(nextRunAfter(every(5, 'minutes'), new Date('2026-11-23T14:05Z'))).toEqual(
      new Date('2026-11-23T14:10Z'),
    );
    expect(nextRunAfter(every(5, 'minutes'), new Date('2026-11-23T14:04:59.999Z'))).toEqual(
      new Date('2026-11-23T14:05Z'),
    );
  });

  it('keep their rhythm in real time across daylight saving, having no time zone', () => {
    // New York falls back at 06:00 UTC on 2026-11-01; hourly runs stay an hour apart.
    expect(runs(every(1, 'hours'), '2026-11-01T04:30Z', 3)).toEqual(
      utc('2026-11-01T05:00Z', '2026-11-01T06:00Z', '2026-11-01T07:00Z'),
    );
  });
});
