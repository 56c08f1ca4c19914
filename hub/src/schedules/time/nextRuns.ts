import type { Schedule } from '#schema/contracts/SchedulePolicySpec';
import { runsAfter } from './runsAfter.ts';

/**
 * The next `count` run times of `schedule` strictly after `after`, ascending, as the API shows them; fewer
 * only if the schedule stops running (a validated one never does). A `count` below 1 gives none.
 */
export function nextRuns(schedule: Schedule, after: Date, count: number): Date[] {
  const runs: Date[] = [];
  if (count < 1) return runs;
  for (const at of runsAfter(schedule, after)) {
    runs.push(at);
    if (runs.length >= count) break;
  }
  return runs;
}
