import { msPerDay } from './wallClockInstant.ts';
import { zoneOffsetMs } from './zoneOffsetMs.ts';

/** The calendar date in `timeZone` at `instant`, as days since 1970-01-01 (negative before it). */
export function localDayOf(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  return Math.floor((ms + zoneOffsetMs(ms, timeZone)) / msPerDay);
}
