import {
  type DayOfWeek,
  daysOfWeek,
  type WeeklySchedule,
} from '#schema/contracts/SchedulePolicySpec';
import { localDayOf } from './localDayOf.ts';
import { wallClockInstant } from './wallClockInstant.ts';

/** 1970-01-01 was a Thursday, day 4 of `daysOfWeek`. */
const thursday = 4;
/** 1970-01-05, the Monday that starts week 0 of `everyNWeeks`, in days since 1970-01-01. */
const firstMonday = 4;

/**
 * The run times of a weekly schedule strictly after `after`, ascending: `time` on each chosen day of the
 * week, in the weeks (Monday to Sunday, in `timeZone`) whose number since the week of 1970-01-05 is a
 * multiple of `everyNWeeks`. Daylight saving as in `wallClockInstant`. Ends at once when no day is chosen,
 * which a validated schedule never has.
 */
export function* weeklyRuns(schedule: WeeklySchedule, after: Date): Generator<Date, void> {
  const { everyNWeeks, time, timeZone } = schedule;
  const chosen = new Set(schedule.daysOfWeek);
  if (chosen.size === 0) return;
  for (let day = localDayOf(after, timeZone) - 1; ; day += 1) {
    const weekday = daysOfWeek[(((day + thursday) % 7) + 7) % 7] as DayOfWeek;
    const week = Math.floor((day - firstMonday) / 7);
    if (!chosen.has(weekday) || ((week % everyNWeeks) + everyNWeeks) % everyNWeeks !== 0) continue;
    const at = wallClockInstant(day, time, timeZone);
    if (at > after) yield at;
  }
}
