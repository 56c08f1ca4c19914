import { describe, expect, it } from 'vitest';
import { localDayOf } from './localDayOf.ts';
import { msPerDay, wallClockInstant } from './wallClockInstant.ts';
import { zoneOffsetMs } from './zoneOffsetMs.ts';

const dayOf = (date: string) => Date.parse(`${date}T00:00Z`) / msPerDay;
const instant = (date: string, time: string, zone: string) =>
  wallClockInstant(dayOf(date), time, zone).toISOString();
const utc = (text: string) => new Date(text).toISOString();

describe('zoneOffsetMs', () => {
  it('reads summer and winter offsets, and offsets with seconds', () => {
    const hour = 3_600_000;
    expect(zoneOffsetMs(Date.parse('2026-07-01T12:00Z'), 'Europe/Berlin')).toBe(2 * hour);
    expect(zoneOffsetMs(Date.parse('2026-01-01T12:00Z'), 'Europe/Berlin')).toBe(hour);
    expect(zoneOffsetMs(Date.parse('2026-01-01T12:00:00.999Z'), 'America/New_York')).toBe(-5 * hour);
    expect(zoneOffsetMs(Date.parse('2026-07-01T12:00Z'), 'Asia/Kolkata')).toBe(5.5 * hour);
    expect(zoneOffsetMs(Date.parse('2026-07-01T12:00Z'), 'UTC')).toBe(0);
    // Liberia kept -00:44:30 until 1972.
    expect(zoneOffsetMs(Date.parse('1970-06-01T00:00Z'), 'Africa/Monrovia')).toBe(-(44 * 60 + 30) * 1000);
  });
});

describe('localDayOf', () => {
  it('gives the calendar date on the zone’s wall clock', () => {
    expect(localDayOf(new Date('2026-03-28T23:30Z'), 'Europe/Berlin')).toBe(dayOf('2026-03-29'));
    expect(localDayOf(new Date('2026-03-29T03:30Z'), 'America/New_York')).toBe(dayOf('2026-03-28'));
    expect(localDayOf(new Date('1969-12-31T23:59Z'), 'UTC')).toBe(-1);
  });
});

describe('wallClockInstant', () => {
  it('reads an ordinary wall time by the offset in force', () => {
    expect(instant('2026-07-01', '02:30', 'Europe/Berlin')).toBe(utc('2026-07-01T02:30+02:00'));
    expect(instant('2026-01-01', '23:59', 'America/New_York')).toBe(utc('2026-01-01T23:59-05:00'));
    expect(instant('2026-01-01', '00:00', 'UTC')).toBe(utc('2026-01-01T00:00Z'));
  });

  it('runs a time the clocks skip at the first instant after the gap', () => {
    expect(instant('2026-03-29', '02:00', 'Europe/Berlin')).toBe(utc('2026-03-29T03:00+02:00'));
    expect(instant('2026-03-29', '02:59', 'Europe/Berlin')).toBe(utc('2026-03-29T03:00+02:00'));
    expect(instant('2026-03-29', '03:00', 'Europe/Berlin')).toBe(utc('2026-03-29T03:00+02:00'));
    expect(instant('2026-03-08', '02:30', 'America/New_York')).toBe(utc('2026-03-08T03:00-04:00'));
    // Samoa skipped all of 2011-12-30 when it moved west of the date line.
    expect(instant('2011-12-30', '10:00', 'Pacific/Apia')).toBe(utc('2011-12-31T00:00+14:00'));
  });

  it('runs a time the clocks show twice at its first occurrence', () => {
    expect(instant('2026-10-25', '02:00', 'Europe/Berlin')).toBe(utc('2026-10-25T02:00+02:00'));
    expect(instant('2026-10-25', '02:30', 'Europe/Berlin')).toBe(utc('2026-10-25T02:30+02:00'));
    expect(instant('2026-10-25', '03:00', 'Europe/Berlin')).toBe(utc('2026-10-25T03:00+01:00'));
    expect(instant('2026-11-01', '01:30', 'America/New_York')).toBe(utc('2026-11-01T01:30-04:00'));
  });

  it('handles a zone behind UTC whose local date differs from the UTC date', () => {
    expect(instant('2026-03-08', '22:00', 'America/Los_Angeles')).toBe(utc('2026-03-09T05:00Z'));
    expect(instant('2026-03-09', '06:00', 'Pacific/Auckland')).toBe(utc('2026-03-08T17:00Z'));
  });
});
