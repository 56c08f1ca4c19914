import { describe, expect, it } from 'vitest';
import { parseSchedulePolicySpec } from './SchedulePolicySpec.ts';
import { schedulePolicyPresets } from './schedulePolicyPresets.ts';
import { WireError } from './WireError.ts';

function errorOf(parse: () => unknown): { field: string; problem: string } {
  try {
    parse();
  } catch (error) {
    if (error instanceof WireError) return { field: error.field, problem: error.problem };
    throw error;
  }
  throw new Error('parsed');
}

describe('parseSchedulePolicySpec', () => {
  it('reads each kind, with UTC and every-1 defaults', () => {
    expect(parseSchedulePolicySpec({ periodic: { every: 15, unit: 'minutes' } }).schedule).toEqual({
      kind: 'periodic',
      every: 15,
      unit: 'minutes',
    });
    expect(parseSchedulePolicySpec({ daily: { time: '02:30' } }).schedule).toEqual({
      kind: 'daily',
      time: '02:30',
      timeZone: 'UTC',
    });
    expect(
      parseSchedulePolicySpec({
        weekly: { daysOfWeek: ['friday', 'monday'], time: '23:59', timeZone: 'Europe/Berlin' },
      }).schedule,
    ).toEqual({
      kind: 'weekly',
      daysOfWeek: ['monday', 'friday'],
      everyNWeeks: 1,
      time: '23:59',
      timeZone: 'Europe/Berlin',
    });
    expect(
      parseSchedulePolicySpec({ monthly: { daysOfMonth: [31, 1, 15], time: '00:00' } }).schedule,
    ).toEqual({
      kind: 'monthly',
      daysOfMonth: [1, 15, 31],
      everyNMonths: 1,
      time: '00:00',
      timeZone: 'UTC',
    });
    expect(
      parseSchedulePolicySpec({ cron: { expression: ' 0  3 * * 1-5 ', timeZone: 'America/New_York' } })
        .schedule,
    ).toEqual({ kind: 'cron', expression: '0 3 * * 1-5', timeZone: 'America/New_York' });
  });

  it('reads retain and expiry, and leaves them null when absent', () => {
    const spec = parseSchedulePolicySpec({ daily: { time: '01:00' }, retain: 7, expiry: '30d' });
    expect(spec).toMatchObject({ version: 1, retain: 7, expirySeconds: 30 * 86_400 });
    expect(parseSchedulePolicySpec({ daily: { time: '01:00' } })).toMatchObject({
      retain: null,
      expirySeconds: null,
    });
    expect(
      parseSchedulePolicySpec({ daily: { time: '01:00' }, retain: null, expiry: null }).retain,
    ).toBeNull();
  });

  it.each([
    [{}, 'spec', 'give one of periodic, daily, weekly, monthly, cron'],
    [
      { daily: { time: '01:00' }, cron: { expression: '0 0 * * *' } },
      'spec',
      'give only one of daily and cron',
    ],
    [
      { periodic: { every: 4, unit: 'minutes' } },
      'spec.periodic.every',
      'must be a whole number from 5 to 1440',
    ],
    [
      { periodic: { every: 0, unit: 'hours' } },
      'spec.periodic.every',
      'must be a whole number from 1 to 744',
    ],
    [{ periodic: { unit: 'hours' } }, 'spec.periodic.every', 'is required'],
    [{ periodic: { every: 2, unit: 'days' } }, 'spec.periodic.unit', 'must be one of minutes, hours'],
    [{ daily: { time: '24:00' } }, 'spec.daily.time', "'24:00' is not a 24-hour time like '02:30'"],
    [{ daily: { time: '1:00' } }, 'spec.daily.time', "'1:00' is not a 24-hour time like '02:30'"],
    [{ daily: { time: '01:00', timeZone: 'Mars/Olympus' } }, 'spec.daily.timeZone', undefined],
    [{ daily: { time: '01:00', timeZone: '+01:00' } }, 'spec.daily.timeZone', undefined],
    [{ weekly: { daysOfWeek: [], time: '01:00' } }, 'spec.weekly.daysOfWeek', 'must name at least one day'],
    [{ weekly: { daysOfWeek: ['sun'], time: '01:00' } }, 'spec.weekly.daysOfWeek[0]', undefined],
    [
      { weekly: { daysOfWeek: ['sunday'], time: '01:00', everyNWeeks: 0 } },
      'spec.weekly.everyNWeeks',
      undefined,
    ],
    [{ monthly: { daysOfMonth: [0], time: '01:00' } }, 'spec.monthly.daysOfMonth[0]', undefined],
    [{ monthly: { daysOfMonth: [1, 32], time: '01:00' } }, 'spec.monthly.daysOfMonth[1]', undefined],
    [{ monthly: { daysOfMonth: [5, 5], time: '01:00' } }, 'spec.monthly.daysOfMonth[1]', '5 is listed twice'],
    [{ monthly: { daysOfMonth: [], time: '01:00' } }, 'spec.monthly.daysOfMonth', 'must have 1 to 31 items'],
    [{ monthly: { time: '01:00' } }, 'spec.monthly.daysOfMonth', 'must have 1 to 31 items'],
    [{ cron: { expression: '0 0 * *' } }, 'spec.cron.expression', undefined],
    [{ cron: { expression: '*/2 * * * *' } }, 'spec.cron.expression', 'runs more often than every 5 minutes'],
    [{ cron: { expression: '0 0 * * *', timeZone: 'Nowhere' } }, 'spec.cron.timeZone', undefined],
    [{ daily: { time: '01:00' }, retain: 0 }, 'spec.retain', 'must be a whole number from 1 to 1000'],
    [{ daily: { time: '01:00' }, retain: 1001 }, 'spec.retain', undefined],
    [{ daily: { time: '01:00' }, expiry: 'a month' }, 'spec.expiry', undefined],
    [{ daily: { time: '01:00' }, expiry: '30s' }, 'spec.expiry', 'must be from 1m to 3650d'],
    [{ daily: 'at one' }, 'spec.daily', 'must be an object'],
  ])('refuses %j naming %s', (spec, field, problem) => {
    const error = errorOf(() => parseSchedulePolicySpec(spec, 'spec'));
    expect(error.field).toBe(field);
    if (problem) expect(error.problem).toBe(problem);
  });

  it('accepts a cron expression whose runs are five minutes apart across the hour', () => {
    expect(() => parseSchedulePolicySpec({ cron: { expression: '*/5 * * * *' } })).not.toThrow();
    expect(() => parseSchedulePolicySpec({ cron: { expression: '0,58 3 * * *' } })).not.toThrow();
    expect(() => parseSchedulePolicySpec({ cron: { expression: '0,58 3,4 * * *' } })).toThrow(WireError);
  });

  it('offers presets that are valid specs, among them every two weeks as a weekly schedule', () => {
    for (const preset of schedulePolicyPresets) {
      const { schedule } = preset.spec;
      const wire = { [schedule.kind]: { ...schedule, kind: undefined } };
      expect(parseSchedulePolicySpec(wire)).toEqual(preset.spec);
    }
    const biweekly = schedulePolicyPresets.find((p) => p.name === 'every-two-weeks');
    expect(biweekly?.spec.schedule).toMatchObject({ kind: 'weekly', daysOfWeek: ['sunday'], everyNWeeks: 2 });
    expect(schedulePolicyPresets.map((p) => p.name)).toEqual(
      expect.arrayContaining(['hourly', 'daily', 'weekly', 'monthly']),
    );
  });
});
