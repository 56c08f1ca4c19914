/**
 * Whether a cluster's backups keep the promise of its schedules.
 *
 * The rule. Each active schedule promises a backup at least every `longestGap` — the longest interval between
 * two consecutive run times among its next ones (so a weekdays-only daily schedule promises 3 days over a
 * weekend, a monthly one 31 days). A schedule is broken when more than `longestGap + grace` has passed since
 * the later of the cluster's last good backup (Completed or PartiallyFailed, taken when it started) and the
 * schedule's creation (a new schedule owes nothing yet). The grace, 20% of the interval but at least 10
 * minutes, leaves room for the backup's own run time and the scheduler's pass. The cluster is overdue when
 * any of its active schedules is broken: the tightest schedule sets the expectation, because any good backup
 * of the cluster counts. Suspended schedules promise nothing; a cluster without active schedules is
 * `unscheduled`, never overdue.
 */
export type BackupFreshness =
  | { kind: 'unscheduled' }
  | { kind: 'fresh'; promisedMs: number }
  /** Scheduled, no good backup yet, and no schedule has owed one for long. */
  | { kind: 'awaitingFirst'; promisedMs: number }
  /** `promisedMs`: the interval of the tightest broken schedule. */
  | { kind: 'overdue'; promisedMs: number };

/** An active (not suspended) schedule of the cluster. */
export interface ScheduleRuns {
  createdAt: string | Date;
  /** Its next run times, oldest first (`BackupSchedule.nextRunTimes`); two or more make a promise. */
  nextRunTimes: readonly (string | Date)[];
}

export const minimumGraceMs = 10 * 60_000;
export const graceShare = 0.2;

/** How late a backup may be past the promised interval before the console warns. */
export function graceMs(promisedMs: number): number {
  return Math.max(minimumGraceMs, promisedMs * graceShare);
}

/** The longest interval between consecutive run times; undefined with fewer than two. */
export function longestGapMs(runTimes: readonly (string | Date)[]): number | undefined {
  const times = runTimes.map((t) => new Date(t).getTime()).sort((a, b) => a - b);
  let longest: number | undefined;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap > 0 && (longest === undefined || gap > longest)) longest = gap;
  }
  return longest;
}

export interface FreshnessInput {
  now: number;
  /** When the cluster's last good backup was taken; null when it has none. */
  lastGoodAt: string | Date | null;
  schedules: readonly ScheduleRuns[];
}

/** Judges a cluster by the rule above. */
export function backupFreshness({ now, lastGoodAt, schedules }: FreshnessInput): BackupFreshness {
  const lastGood = lastGoodAt === null ? undefined : new Date(lastGoodAt).getTime();
  let tightest: number | undefined;
  let broken: number | undefined;
  for (const schedule of schedules) {
    const promised = longestGapMs(schedule.nextRunTimes);
    if (promised === undefined) continue;
    tightest = tightest === undefined ? promised : Math.min(tightest, promised);
    const since = Math.max(lastGood ?? -Infinity, new Date(schedule.createdAt).getTime());
    if (now - since > promised + graceMs(promised)) broken = broken === undefined ? promised : Math.min(broken, promised);
  }
  if (tightest === undefined) return { kind: 'unscheduled' };
  if (broken !== undefined) return { kind: 'overdue', promisedMs: broken };
  if (lastGood === undefined) return { kind: 'awaitingFirst', promisedMs: tightest };
  return { kind: 'fresh', promisedMs: tightest };
}
