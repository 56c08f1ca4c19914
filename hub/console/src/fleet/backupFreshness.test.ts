import { describe, expect, it } from 'vitest';
import { backupFreshness, graceMs, longestGapMs } from './backupFreshness.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const t0 = Date.parse('2026-03-02T00:00:00Z'); // a Monday

/** Run times every `interval` from `start`. */
const every = (interval: number, start: number, count = 6) =>
  Array.from({ length: count }, (_, i) => new Date(start + i * interval).toISOString());

const longAgo = new Date(t0 - 30 * day).toISOString();

describe('longestGapMs', () => {
  it('is the longest interval between consecutive run times, in any order', () => {
    expect(longestGapMs(every(hour, t0))).toBe(hour);
    expect(longestGapMs([new Date(t0 + 3 * day), new Date(t0), new Date(t0 + day)])).toBe(2 * day);
  });

  it('needs two run times', () => {
    expect(longestGapMs([])).toBeUndefined();
    expect(longestGapMs([new Date(t0)])).toBeUndefined();
  });
});

describe('graceMs', () => {
  it('is a fifth of the interval, at least ten minutes', () => {
    expect(graceMs(5 * minute)).toBe(10 * minute);
    expect(graceMs(hour)).toBe(12 * minute);
    expect(graceMs(day)).toBe(0.2 * day);
  });
});

describe('backupFreshness', () => {
  const hourly = { createdAt: longAgo, nextRunTimes: every(hour, t0 + hour) };

  it('is fresh while the last good backup is within the interval and its grace', () => {
    const lastGoodAt = new Date(t0 - 30 * minute);
    expect(backupFreshness({ now: t0, lastGoodAt, schedules: [hourly] })).toEqual({ kind: 'fresh', promisedMs: hour });
    expect(backupFreshness({ now: t0 + 41 * minute, lastGoodAt, schedules: [hourly] }).kind).toBe('fresh');
  });

  it('is overdue once the last good backup is older than the interval plus the grace', () => {
    const lastGoodAt = new Date(t0 - 30 * minute);
    expect(backupFreshness({ now: t0 + 43 * minute, lastGoodAt, schedules: [hourly] })).toEqual({
      kind: 'overdue',
      promisedMs: hour,
    });
  });

  it('allows a weekdays-only daily schedule its weekend gap', () => {
    // Next runs: Mon..Fri at 01:00, then the following Monday.
    const weekdays = [0, 1, 2, 3, 4, 7].map((d) => new Date(t0 + d * day + hour).toISOString());
    const schedule = { createdAt: longAgo, nextRunTimes: weekdays };
    const friday = t0 - 3 * day + hour;
    const sundayEvening = t0 - 4 * hour;
    expect(backupFreshness({ now: sundayEvening, lastGoodAt: new Date(friday), schedules: [schedule] })).toEqual({
      kind: 'fresh',
      promisedMs: 3 * day,
    });
    expect(backupFreshness({ now: friday + 4 * day, lastGoodAt: new Date(friday), schedules: [schedule] }).kind).toBe(
      'overdue',
    );
  });

  it('lets the tightest schedule set the expectation', () => {
    const daily = { createdAt: longAgo, nextRunTimes: every(day, t0 + day) };
    const lastGoodAt = new Date(t0 - 3 * hour);
    expect(backupFreshness({ now: t0, lastGoodAt, schedules: [daily] }).kind).toBe('fresh');
    expect(backupFreshness({ now: t0, lastGoodAt, schedules: [daily, hourly] })).toEqual({
      kind: 'overdue',
      promisedMs: hour,
    });
  });

  it('owes nothing for a schedule younger than its interval', () => {
    const young = { createdAt: new Date(t0 - 20 * minute).toISOString(), nextRunTimes: every(hour, t0 + 40 * minute) };
    expect(backupFreshness({ now: t0, lastGoodAt: null, schedules: [young] })).toEqual({
      kind: 'awaitingFirst',
      promisedMs: hour,
    });
    // Its last good backup is old, but the schedule was made only now: nothing was promised before.
    expect(backupFreshness({ now: t0, lastGoodAt: new Date(t0 - 10 * day), schedules: [young] }).kind).toBe('fresh');
  });

  it('is overdue when a schedule has owed its first backup for too long', () => {
    expect(backupFreshness({ now: t0, lastGoodAt: null, schedules: [hourly] })).toEqual({
      kind: 'overdue',
      promisedMs: hour,
    });
  });

  it('is unscheduled without a schedule that makes a promise', () => {
    expect(backupFreshness({ now: t0, lastGoodAt: null, schedules: [] })).toEqual({ kind: 'unscheduled' });
    // A suspended schedule lists no run times.
    const suspended = { createdAt: longAgo, nextRunTimes: [] };
    expect(backupFreshness({ now: t0, lastGoodAt: new Date(t0 - 90 * day), schedules: [suspended] })).toEqual({
      kind: 'unscheduled',
    });
  });
});
