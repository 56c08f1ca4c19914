import type { MonthlySchedule } from '#schema/contracts/SchedulePolicySpec';
import { localDayOf } from './localDayOf.ts';
import { msPerDay, wallClockInstant } from './wallClockInstant.ts';

/**
 * The run times of a monthly schedule strictly after `after`, ascending: `time` on each chosen day of the
 * months whose number since January 1970 is a multiple of `everyNMonths`, in `timeZone`. A chosen day past
 * the end of such a month runs on the 1st of the next month, even when that month is not itself chosen (the
 * run belongs to the short month); days that land on the same date run once. Daylight saving as in
 * `wallClockInstant`. Ends at once when no day is chosen, which a validated schedule never has.
 */
export function* monthlyRuns(schedule: MonthlySchedule, after: Date): Generator<Date, void> {
  const { daysOfMonth, everyNMonths, time, timeZone } = schedule;
  if (daysOfMonth.length === 0) return;
  const start = new Date(localDayOf(after, timeZone) * msPerDay);
  let last = after;
  // From the month before: its rollover may land on the 1st of this one.
  for (let month = (start.getUTCFullYear() - 1970) * 12 + start.getUTCMonth() - 1; ; month += 1) {
    if (((month % everyNMonths) + everyNMonths) % everyNMonths !== 0) continue;
    for (const day of runDaysOf(month, daysOfMonth)) {
      const at = wallClockInstant(day, time, timeZone);
      if (at > last) {
        last = at;
        yield at;
      }
    }
  }
}

/** The dates (days since 1970-01-01) month number `month` runs on, ascending, its rollover last. */
function runDaysOf(month: number, daysOfMonth: number[]): number[] {
  const first = Date.UTC(1970, month, 1) / msPerDay;
  const length = Date.UTC(1970, month + 1, 1) / msPerDay - first;
  const days = [...new Set(daysOfMonth.map((day) => first + Math.min(day - 1, length)))];
  return days.sort((a, b) => a - b);
}
