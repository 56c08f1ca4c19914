import { describe, expect, it } from 'vitest';
import type { Schedule } from '#schema/contracts/SchedulePolicySpec';
import { schedulePolicyPresets } from '#schema/contracts/schedulePolicyPresets';
import { nextRunAfter } from './nextRunAfter.ts';

// A Monday, in week 2968 since the week of 1970-01-05 (even), in month 682 since January 1970 (even).
const now = new Date('2026-11-23T14:02:31Z');

describe('nextRunAfter', () => {
  it.each<[string, Schedule, string]>([
    ['periodic', { kind: 'periodic', every: 30, unit: 'minutes' }, '2026-11-23T14:30Z'],
    ['daily', { kind: 'daily', time: '14:02', timeZone: 'UTC' }, '2026-11-24T14:02Z'],
    [
      'weekly',
      {
        kind: 'weekly',
        daysOfWeek: ['monday', 'thursday'],
        everyNWeeks: 1,
        time: '09:00',
        timeZone: 'Europe/Berlin',
      },
      '2026-11-26T09:00+01:00',
    ],
    [
      'monthly',
      { kind: 'monthly', daysOfMonth: [23], everyNMonths: 1, time: '16:00', timeZone: 'Europe/Berlin' },
      '2026-11-23T16:00+01:00',
    ],
    [
      'cron',
      { kind: 'cron', expression: '0 10 * * 1-5', timeZone: 'America/New_York' },
      '2026-11-23T10:00-05:00',
    ],
  ])('gives the next run of a %s schedule', (_kind, schedule, expected) => {
    expect(nextRunAfter(schedule, now)).toEqual(new Date(expected));
  });

  it.each([
    ['hourly', '2026-11-23T15:00Z', '2026-12-01T00:00Z'],
    ['daily', '2026-11-24T00:00Z', '2026-12-01T00:00Z'],
    ['weekly', '2026-11-29T00:00Z', '2026-12-06T00:00Z'],
    ['every-two-weeks', '2026-11-29T00:00Z', '2026-12-13T00:00Z'],
    ['monthly', '2026-12-01T00:00Z', '2026-12-01T00:00Z'],
    ['every-two-months', '2027-01-01T00:00Z', '2027-01-01T00:00Z'],
  ])('gives the expected next run of the %s preset, now and late on the next Monday', (name, next, later) => {
    const preset = schedulePolicyPresets.find((p) => p.name === name);
    if (!preset) throw new Error(`no preset ${name}`);
    expect(nextRunAfter(preset.spec.schedule, now)).toEqual(new Date(next));
    // Monday 2026-11-30 starts an odd week, so every two weeks skips Sunday 2026-12-06.
    expect(nextRunAfter(preset.spec.schedule, new Date('2026-11-30T23:59Z'))).toEqual(new Date(later));
  });

  it('has a test for every preset', () => {
    expect(schedulePolicyPresets.map((p) => p.name).sort()).toEqual([
      'daily',
      'every-two-months',
      'every-two-weeks',
      'hourly',
      'monthly',
      'weekly',
    ]);
  });

  it('throws for a schedule that never runs, which the spec parser refuses', () => {
    const never: Schedule = {
      kind: 'weekly',
      daysOfWeek: [],
      everyNWeeks: 1,
      time: '00:00',
      timeZone: 'UTC',
    };
    expect(() => nextRunAfter(never, now)).toThrow(/never runs after 2026-11-23T14:02:31.000Z/);
  });
});
