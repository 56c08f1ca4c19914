import { zoneOffsetMs } from './zoneOffsetMs.ts';

export const msPerDay = 86_400_000;

/**
 * The instant at which `timeZone`'s wall clock shows `time` (`HH:MM`) on the local date `day` (days since
 * 1970-01-01, as a calendar date, not an instant). Daylight saving makes two cases special, decided as cron
 * decides them for a job at fixed times, so each kind agrees with a cron schedule at the same time of day:
 *
 * - A time the clocks skip (02:30 on the night they spring forward from 02:00 to 03:00) runs at the first
 *   instant after the gap, 03:00 that day: a daily backup is late once, never dropped.
 * - A time the clocks show twice (02:30 on the night they fall back from 03:00 to 02:00) runs once, at its
 *   first occurrence, still on summer time: a daily backup never runs twice in a day.
 */
export function wallClockInstant(day: number, time: string, timeZone: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wall = day * msPerDay + (hours * 60 + minutes) * 60_000;
  // The offsets in force around that wall time: one, or two when a transition is near.
  const offsets = [
    ...new Set([-msPerDay, 0, msPerDay].map((shift) => zoneOffsetMs(wall + shift, timeZone))),
  ].sort((a, b) => b - a);
  // By the largest offset first, which is the earlier instant: the first occurrence of a repeated time.
  for (const offset of offsets) {
    if (zoneOffsetMs(wall - offset, timeZone) === offset) return new Date(wall - offset);
  }
  // In a gap: the transition lies between the wall time read by the new (larger) offset, still before it,
  // and by the old one, already after it. Search it to the second.
  let before = Math.floor((wall - (offsets[0] as number)) / 1000);
  let after = Math.ceil((wall - (offsets.at(-1) as number)) / 1000);
  const oldOffset = zoneOffsetMs(before * 1000, timeZone);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (zoneOffsetMs(middle * 1000, timeZone) === oldOffset) before = middle;
    else after = middle;
  }
  return new Date(after * 1000);
}
