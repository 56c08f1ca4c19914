import type { CronSchedule } from '#schema/contracts/SchedulePolicySpec';
import { cronOf } from './cronOf.ts';

/**
 * The run times of a cron schedule strictly after `after`, ascending, as croner evaluates them in the
 * schedule's time zone (dialect and daylight saving: see `cronOf`). Ends when the expression never runs
 * again, which one that passed `parseCronExpression` cannot.
 */
export function* cronRuns(schedule: CronSchedule, after: Date): Generator<Date, void> {
  const cron = cronOf(schedule);
  for (let at = cron.nextRun(after); at; at = cron.nextRun(at)) yield at;
}
