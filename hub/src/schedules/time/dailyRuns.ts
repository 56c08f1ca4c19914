import type { DailySchedule } from '#schema/contracts/SchedulePolicySpec';
import { localDayOf } from './localDayOf.ts';
import { wallClockInstant } from './wallClockInstant.ts';

/**
 * The run times of a daily schedule strictly after `after`, ascending: `time` on each local date, with the
 * daylight-saving rules of `wallClockInstant` (a skipped time runs when the gap ends, a repeated one once).
 */
export function* dailyRuns({ time, timeZone }: DailySchedule, after: Date): Generator<Date, void> {
  // From the day before: near midnight, the local date of `after` may already be past its own run.
  for (let day = localDayOf(after, timeZone) - 1; ; day += 1) {
    const at = wallClockInstant(day, time, timeZone);
    if (at > after) yield at;
  }
}
