import type { Schedule } from '#schema/contracts/SchedulePolicySpec';
import { unreachable } from '../../auth/Principal.ts';
import { cronRuns } from './cronRuns.ts';
import { dailyRuns } from './dailyRuns.ts';
import { monthlyRuns } from './monthlyRuns.ts';
import { periodicRuns } from './periodicRuns.ts';
import { weeklyRuns } from './weeklyRuns.ts';

/**
 * Every run time of `schedule` strictly after `after`, ascending and without repeats, lazily: the generator
 * only ends if the schedule never runs again. The semantics of each kind are documented on its type in
 * `SchedulePolicySpec`; daylight saving is decided in `wallClockInstant` and `cronRuns`.
 */
export function runsAfter(schedule: Schedule, after: Date): Generator<Date, void> {
  switch (schedule.kind) {
    case 'periodic':
      return periodicRuns(schedule, after);
    case 'daily':
      return dailyRuns(schedule, after);
    case 'weekly':
      return weeklyRuns(schedule, after);
    case 'monthly':
      return monthlyRuns(schedule, after);
    case 'cron':
      return cronRuns(schedule, after);
    default:
      return unreachable(schedule);
  }
}
