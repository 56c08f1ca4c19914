import type { RestoreData } from './RestoreData.ts';
import { isRestoreEnded } from './restorePhase.ts';

function stage(restore: RestoreData): number {
  if (isRestoreEnded(restore.phase)) return 2;
  return restore.phase === 'Running' ? 1 : 0;
}

/**
 * The more advanced of two states of one restore, from a query (polled) and from `restoreUpdated`, which
 * may arrive in either order: the later phase wins, then the more items done; on a tie, `b` (the live one).
 * A restore never goes back, so the more advanced state is the newer one.
 */
export function newerRestore(a: RestoreData | undefined, b: RestoreData | undefined): RestoreData | undefined {
  if (!a) return b;
  if (!b) return a;
  const byStage = stage(a) - stage(b);
  if (byStage !== 0) return byStage > 0 ? a : b;
  return a.progress.itemsDone > b.progress.itemsDone ? a : b;
}
