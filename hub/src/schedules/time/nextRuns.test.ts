import { describe, expect, it } from 'vitest';
import type { Schedule } from '#schema/contracts/SchedulePolicySpec';
import { nextRunAfter } from './nextRunAfter.ts';
import { nextRuns } from './nextRuns.ts';

const schedules: Schedule[] = [
  { kind: 'periodic', every: 5, unit: 'minutes' },
  { kind: 'daily', time: '02:30', timeZone: 'Europe/Berlin' },
  {
    kind: 'weekly',
    daysOfWeek: ['sunday', 'wednesday'],
    everyNWeeks: 2,
    time: '01:30',
    timeZone: 'America/New_York',
  },
  { kind: 'monthly', daysOfMonth: [1, 29, 31], everyNMonths: 1, time: '02:30', timeZone: 'Europe/Berlin' },
  { kind: 'cron', expression: '*/30 1,2 * * *', timeZone: 'America/New_York' },
];

describe('nextRuns', () => {
  it.each(schedules)('lists ascending runs, each the next run after the one before ($kind)', (schedule) => {
    const after = new Date('2026-02-20T00:00Z');
    const runs = nextRuns(schedule, after, 60);
    expect(runs).toHaveLength(60);
    let previous = after;
    for (const at of runs) {
      expect(at).toEqual(nextRunAfter(schedule, previous));
      previous = at;
    }
  });

  it('gives none for a count below one', () => {
    expect(nextRuns({ kind: 'periodic', every: 1, unit: 'hours' }, new Date(0), 0)).toEqual([]);
    expect(nextRuns({ kind: 'periodic', every: 1, unit: 'hours' }, new Date(0), -3)).toEqual([]);
  });

  it('gives the first run first', () => {
    expect(nextRuns({ kind: 'periodic', every: 1, unit: 'hours' }, new Date(0), 2)).toEqual([
      new Date('1970-01-01T01:00Z'),
      new Date('1970-01-01T02:00Z'),
    ]);
  });
});
