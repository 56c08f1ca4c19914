import { describe, expect, it } from 'vitest';
import { parseCronExpression } from './parseCronExpression.ts';
import { WireError } from './WireError.ts';

function problemOf(text: string): string {
  try {
    parseCronExpression(text, 'cron');
  } catch (error) {
    if (error instanceof WireError && error.field === 'cron') return error.problem;
    throw error;
  }
  throw new Error('parsed');
}

describe('parseCronExpression', () => {
  it('expands values, ranges, steps, lists and names', () => {
    expect(parseCronExpression('*/15 2-4 1,15 jan-MAR/2 mon-fri', 'cron')).toEqual({
      minutes: [0, 15, 30, 45],
      hours: [2, 3, 4],
      daysOfMonth: [1, 15],
      months: [1, 3],
      daysOfWeek: [1, 2, 3, 4, 5],
      daysOfMonthRestricted: true,
      daysOfWeekRestricted: true,
    });
  });

  it('reads 7 as Sunday and a/n as a to the end', () => {
    const cron = parseCronExpression('50/5 0 * * 6,7', 'cron');
    expect(cron.minutes).toEqual([50, 55]);
    expect(cron.daysOfWeek).toEqual([0, 6]);
    expect(cron.daysOfMonthRestricted).toBe(false);
  });

  it('ends a/n in the day-of-week field on Saturday, 7 being only another name for Sunday', () => {
    expect(parseCronExpression('0 0 * * mon/2', 'cron').daysOfWeek).toEqual([1, 3, 5]);
    expect(parseCronExpression('0 0 * * 5/1', 'cron').daysOfWeek).toEqual([5, 6]);
    expect(parseCronExpression('0 0 * * sun/3', 'cron').daysOfWeek).toEqual([0, 3, 6]);
    // An explicit range may still end on 7.
    expect(parseCronExpression('0 0 * * 1-7/2', 'cron').daysOfWeek).toEqual([0, 1, 3, 5]);
    expect(problemOf('0 0 * * 7/2')).toBe(
      "the day-of-week field '7/2' has '7/2': steps here end at 6, so start at 0, not 7",
    );
  });

  it('allows February 29th but not a day no chosen month has', () => {
    expect(parseCronExpression('0 0 29 2 *', 'cron').daysOfMonth).toEqual([29]);
    expect(problemOf('0 0 30 2 *')).toContain('never runs');
    // With a weekday as well, cron runs on either, so it does run.
    expect(parseCronExpression('0 0 30 2 1', 'cron').daysOfWeek).toEqual([1]);
  });

  it.each([
    ['0 0 * *', 'has 4 field(s)'],
    ['0 0 * * * *', 'has 6 field(s)'],
    ['@daily', "macros like '@daily' are not supported"],
    ['60 * * * *', "the minute field '60' has 60, outside 0-59"],
    ['0 24 * * *', 'the hour field'],
    ['0 0 0 * *', 'the day-of-month field'],
    ['0 0 * 13 *', 'the month field'],
    ['0 0 * * 8', 'the day-of-week field'],
    ['0 0 * foo *', "has 'foo', which is not a number or name"],
    ['0 0 L * *', 'the day-of-month field'],
    ['0 0 ? * *', "has '?'"],
    ['5-1 * * * *', 'a range that runs backwards'],
    ['*/0 * * * *', 'has the step 0'],
    ['*-5 * * * *', "'*' cannot start a range"],
    ['0 0 1,,2 * *', "has ''"],
  ])('refuses %s', (text, problem) => {
    expect(problemOf(text)).toContain(problem);
  });
});
