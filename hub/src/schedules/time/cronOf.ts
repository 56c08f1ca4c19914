import { Cron } from 'croner';
import type { CronSchedule } from '#schema/contracts/SchedulePolicySpec';

/**
 * A croner evaluator (never started: it has no function to run) for a cron schedule, set to the dialect
 * `parseCronExpression` checked: five fields, `a/n` running from a to the field's end, and days of the month
 * and of the week joined by OR when both are restricted. Daylight saving follows Vixie cron:
 *
 * - A job at fixed times (no `*` and no step in its minute and hour fields: `30 2 * * *`, `0 2,14 * * *`)
 *   runs a time the clocks skip at the first instant after the gap, and a time they show twice once, at its
 *   first occurrence, as the daily, weekly and monthly kinds do.
 * - A job with a `*` or a step in either field (`*\/15 * * * *`, `0 * * * *`, `0 0-23/2 * * *`) keeps its
 *   rhythm in real time: it skips the times that do not exist and runs both passes through a repeated hour.
 */
export function cronOf({ expression, timeZone }: CronSchedule): Cron {
  return new Cron(expression, {
    timezone: timeZone,
    mode: '5-part',
    sloppyRanges: true,
    domAndDow: false,
    fixedTimeRule: 'no-wildcard',
  });
}
