import type { OutcomeLogLine } from '#schema/agent/OutcomeLogLine';
import type { OutcomeProblems } from '#schema/agent/OutcomeProblem';
import { unreachable } from '../auth/Principal.ts';

/**
 * A backup's lifecycle. Pending until its job runs; Completed or PartiallyFailed (some items failed, the rest
 * is restorable) or Failed at the end; Deleting once a deletion is queued.
 */
export const backupPhases = [
  'Pending',
  'Running',
  'Completed',
  'PartiallyFailed',
  'Failed',
  'Deleting',
] as const;
export type BackupPhase = (typeof backupPhases)[number];

/** Whether a backup in this phase can be restored from. */
export function isRestorable(phase: BackupPhase): boolean {
  switch (phase) {
    case 'Completed':
    case 'PartiallyFailed':
      return true;
    case 'Pending':
    case 'Running':
    case 'Failed':
    case 'Deleting':
      return false;
    default:
      return unreachable(phase);
  }
}

/** Whether the backup's own job is still to finish, so the backup would change under a deletion. */
export function isInProgress(phase: BackupPhase): boolean {
  switch (phase) {
    case 'Pending':
    case 'Running':
      return true;
    case 'Completed':
    case 'PartiallyFailed':
    case 'Failed':
    case 'Deleting':
      return false;
    default:
      return unreachable(phase);
  }
}

/** Items processed so far, as the agent reports them (throttled to about one update a second). */
export interface BackupProgress {
  itemsDone: number;
  itemsTotal: number;
  bytes: number;
}

/** What a finished backup holds and what went wrong: partial failure is data, not a log line. */
export interface BackupResultSummary {
  /** Items by type, keyed by `kubectl api-resources` name (`configmaps`, `deployments.apps`). */
  countsByKind: Record<string, number>;
  /** The kind of each type counted (`configmaps` → `ConfigMap`), as the agent reported it; absent when it did not. */
  kinds?: Record<string, string>;
  /** One line each: the API's `result.warnings` and `result.errors`. */
  warnings: string[];
  errors: string[];
  /** The same warnings and errors with the object each concerns; absent for restores and older agents. */
  problems?: OutcomeProblems;
  /** The backup's log as its agent reported it, bounded; absent for restores and older agents. */
  log?: OutcomeLogLine[];
  /** True when `log` leaves out lines of `backups/<id>/log.jsonl` in the location. */
  logTruncated?: boolean;
}

/**
 * Why a backup is being deleted: a user asked, it expired, its schedule's retention dropped it, or it failed
 * and was cleaned up after a while.
 */
export const deletionReasons = ['Requested', 'Expired', 'Retention', 'FailedCleanup'] as const;
export type DeletionReason = (typeof deletionReasons)[number];

/** First retry a minute after a failed deletion, then twice as long each time, but at most every 6 hours. */
export function deletionRetryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}
