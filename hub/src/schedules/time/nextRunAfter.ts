import type { Schedule } from '#schema/contracts/SchedulePolicySpec';
import { runsAfter } from './runsAfter.ts';

/**
 * The first run time of `schedule` strictly after `after` (see `runsAfter`). Throws when there is none, which
 * cannot happen to a schedule that passed `parseSchedulePolicySpec`.
 */
export function nextRunAfter(schedule: Schedule, after: Date): Date {
  const next = runsAfter(schedule, after).next();
  if (next.done) {
    throw new Error(`the schedule ${JSON.stringify(schedule)} never runs after ${after.toISOString()}`);
  }
  return next.value;
}
