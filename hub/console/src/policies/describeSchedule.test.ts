import { describe, expect, it } from 'vitest';
import { describeRetention, describeSchedule, ordinal } from './describeSchedule.ts';
import type { DayOfWeek, SchedulePolicySpec } from './SchedulePolicy.ts';

const none = { periodic: null, daily: null, weekly: null, monthly: null, cron: null, retain: null, expirySeconds: null };
const spec = (part: Partial<SchedulePolicySpec> & Pick<SchedulePolicySpec, 'kind'>): SchedulePolicySpec => ({
  ...none,
  ...part,
});

describe('describeSchedule', () => {
  it.each([
    [spec({ kind: 'periodic', periodic: { every: 1, unit: 'hours' } }), 'Every hour, on the hour'],
    [spec({ kind: 'periodic', periodic: { every: 6, unit: 'hours' } }), 'Every 6 hours, at 00:00, 06:00, 12:00 and 18:00 UTC'],
    [spec({ kind: 'periodic', periodic: { every: 5, unit: 'hours' } }), 'Every 5 hours'],
    [spec({ kind: 'periodic', periodic: { every: 15, unit: 'minutes' } }), 'Every 15 minutes'],
    [spec({ kind: 'daily', daily: { time: '00:00', timeZone: 'UTC' } }), 'Every day at 00:00 UTC'],
    [spec({ kind: 'daily', daily: { time: '02:30', timeZone: 'Europe/Berlin' } }), 'Every day at 02:30 (Europe/Berlin)'],
  ])('says when a periodic or daily policy runs (%#)', (given, words) => {
    expect(describeSchedule(given)).toBe(words);
  });

  it('names the days of a weekly policy, Monday first, and its week rhythm', () => {
    const weekly = (daysOfWeek: DayOfWeek[], everyNWeeks = 1) =>
      describeSchedule(spec({ kind: 'weekly', weekly: { daysOfWeek, everyNWeeks, time: '00:00', timeZone: 'UTC' } }));
    expect(weekly(['sunday'])).toBe('Every Sunday at 00:00 UTC');
    expect(weekly(['sunday'], 2)).toBe('Every second week on Sunday at 00:00 UTC');
    expect(weekly(['friday', 'sunday', 'monday'])).toBe('Every Monday, Friday and Sunday at 00:00 UTC');
    expect(weekly(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'])).toBe(
      'Every weekday (Monday to Friday) at 00:00 UTC',
    );
    expect(weekly(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'], 3)).toBe(
      'Every third week on every day at 00:00 UTC',
    );
  });

  it('names the days and months of a monthly policy', () => {
    const monthly = (daysOfMonth: number[], everyNMonths: number) =>
      describeSchedule(spec({ kind: 'monthly', monthly: { daysOfMonth, everyNMonths, time: '03:30', timeZone: 'UTC' } }));
    expect(monthly([1], 1)).toBe('Every month on the 1st at 03:30 UTC');
    expect(monthly([15, 1], 1)).toBe('Every month on the 1st and 15th at 03:30 UTC');
    expect(monthly([1], 2)).toBe('Every second month (January, March, May, …) on the 1st at 03:30 UTC');
    expect(monthly([31], 3)).toBe('Every third month (January, April, July and October) on the 31st at 03:30 UTC');
    expect(monthly([2], 5)).toBe('Every fifth month on the 2nd at 03:30 UTC');
  });

  it('quotes a cron expression with its time zone', () => {
    expect(describeSchedule(spec({ kind: 'cron', cron: { expression: '0 3 * * 1-5', timeZone: 'Asia/Tokyo' } }))).toBe(
      'By the cron expression 0 3 * * 1-5, in Asia/Tokyo',
    );
  });
});

describe('describeRetention', () => {
  it('says how many are kept and for how long', () => {
    expect(describeRetention({ retain: 7, expirySeconds: 14 * 86_400 })).toBe('Keeps the newest 7; each deleted after 14 days');
    expect(describeRetention({ retain: null, expirySeconds: 5_400 })).toBe('Keeps all; each deleted after 1 hour 30 minutes');
    expect(describeRetention({ retain: 1, expirySeconds: null })).toBe(
      'Keeps the newest 1; each deleted after 30 days (the default)',
    );
  });
});

it.each([
  [1, '1st'],
  [2, '2nd'],
  [3, '3rd'],
  [4, '4th'],
  [11, '11th'],
  [12, '12th'],
  [13, '13th'],
  [21, '21st'],
  [22, '22nd'],
  [31, '31st'],
])('ordinal(%i) is %s', (n, text) => {
  expect(ordinal(n)).toBe(text);
});
