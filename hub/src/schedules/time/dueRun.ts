import type { Schedule } from '#schema/contracts/SchedulePolicySpec';
import { countCronRuns } from './countCronRuns.ts';
import { cronOf } from './cronOf.ts';
import { runsAfter } from './runsAfter.ts';

/** The one run to take now, standing in for `missed` earlier run times that passed without a run. */
export interface DueRun {
  due: Date;
  missed: number;
}

/**
 * Catch-up after downtime: the run times of `schedule` after `lastRunAt` (the run time of the last run
 * taken), or after `createdAt` when it never ran, up to and including `now`. When none has passed: null.
 * Otherwise ONE run, for the latest of them, with how many earlier ones it replaces, so a hub that was down
 * for a week takes one backup on start, not one per missed run.
 */
export function dueRun(
  schedule: Schedule,
  lastRunAt: Date | null,
  createdAt: Date,
  now: Date,
): DueRun | null {
  const since = lastRunAt ?? createdAt;
  if (schedule.kind === 'cron') {
    // Cron runs can be minutes apart: find the latest directly and count the rest by day (`countCronRuns`).
    const [due] = cronOf(schedule).previousRuns(1, new Date(now.getTime() + 1));
    return due && due > since ? { due, missed: countCronRuns(schedule, since, due) - 1 } : null;
  }
  // The other kinds run at most once a day, or are cheap to step through (periodic).
  let due: Date | null = null;
  let passed = 0;
  for (const at of runsAfter(schedule, since)) {
    if (at > now) break;
    due = at;
    passed += 1;
  }
  return due && { due, missed: passed - 1 };
}
