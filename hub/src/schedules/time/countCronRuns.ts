import { parseCronExpression } from '#schema/contracts/parseCronExpression';
import type { CronSchedule } from '#schema/contracts/SchedulePolicySpec';
import { cronOf } from './cronOf.ts';
import { localDayOf } from './localDayOf.ts';
import { msPerDay, wallClockInstant } from './wallClockInstant.ts';

/**
 * How many times a cron schedule runs after `since`, up to and including `until`, without visiting every
 * run: a hub down for a month would otherwise step through 8,640 runs of `*\/5 * * * *`, each costing
 * croner a time zone conversion. A local day of 24 hours between two such days runs either not at all or at
 * every listed hour and minute, so croner is asked once whether it runs at the first of them. The first and
 * last days, the days the clocks change and the days beside them (a time skipped just before midnight runs
 * on the next day) are counted run by run.
 */
export function countCronRuns(schedule: CronSchedule, since: Date, until: Date): number {
  const { timeZone } = schedule;
  const { minutes, hours } = parseCronExpression(schedule.expression, 'expression');
  const cron = cronOf(schedule);
  const firstDay = localDayOf(since, timeZone);
  const lastDay = localDayOf(until, timeZone);
  const midnight = (day: number) => wallClockInstant(day, '00:00', timeZone).getTime();
  // The starts of the day before, this day, the next and the one after.
  const starts = [firstDay - 1, firstDay, firstDay + 1, firstDay + 2].map(midnight) as [
    number,
    number,
    number,
    number,
  ];
  let count = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    const [before, start, end, afterEnd] = starts;
    const plain = end - start === msPerDay && start - before === msPerDay && afterEnd - end === msPerDay;
    if (day > firstDay && day < lastDay && plain) {
      // With no clock change all day, the day's first listed time is this far after its midnight.
      const first = start + ((hours[0] as number) * 60 + (minutes[0] as number)) * 60_000;
      if (cron.match(new Date(first))) count += minutes.length * hours.length;
    } else {
      const from = new Date(Math.max(since.getTime(), start - 1));
      for (let at = cron.nextRun(from); at && at.getTime() < end && at <= until; at = cron.nextRun(at)) {
        count += 1;
      }
    }
    starts.shift();
    starts.push(midnight(day + 3));
  }
  return count;
}
