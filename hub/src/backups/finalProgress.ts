import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import type { BackupProgress } from './backupLifecycle.ts';

/**
 * Progress at the end is the outcome's, whatever throttled report last arrived before it: every item the run
 * handled (a restore's skipped and failed items as well as those it wrote), or, from an agent older than
 * `itemCount`, the items counted by kind.
 */
export function finalProgress(outcome: OperationOutcome): BackupProgress {
  const items = outcome.itemCount ?? Object.values(outcome.countsByKind).reduce((sum, n) => sum + n, 0);
  return { itemsDone: items, itemsTotal: items, bytes: outcome.bytes };
}
