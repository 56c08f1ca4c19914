import { unreachable } from '../ui/unreachable.ts';
import type { ClusterName } from './clusterNamesQuery.ts';
import { ProgressBar } from './ProgressBar.tsx';
import type { RestoreData } from './RestoreData.ts';
import type { RestoreJob } from './restoreQuery.ts';

export interface RestoreProgressProps {
  restore: RestoreData;
  job: RestoreJob | undefined;
  /** The target cluster, when known: a restore waits for its agent. */
  target: ClusterName | undefined;
}

/**
 * Where an unfinished restore stands: queued for the target's agent (and why it may wait), or running with
 * items applied of the plan and the agent's latest message. Nothing once it has ended (see RestoreOutcome).
 */
export function RestoreProgress({ restore, job, target }: RestoreProgressProps) {
  const what = restore.spec.dryRun ? 'dry run' : 'restore';
  const targetName = target?.name ?? 'the target cluster';
  switch (restore.phase) {
    case 'Pending':
      return (
        <div className="restore-progress">
          <ProgressBar label={`${what} progress`} done={0} total={0} />
          <p>
            Queued: waiting for the agent of <strong>{targetName}</strong> to take the {what}.
          </p>
          {target && target.status !== 'Connected' && (
            <p className="callout callout-warn">
              ⚠ The agent of {target.name} is{' '}
              {target.status === 'Disconnected' ? 'disconnected' : 'not enrolled yet'}. The {what} starts when it
              connects.
            </p>
          )}
        </div>
      );
    case 'Running': {
      const { itemsDone, itemsTotal } = restore.progress;
      return (
        <div className="restore-progress">
          <ProgressBar
            label={restore.spec.dryRun ? 'Dry run progress' : 'Items restored'}
            done={itemsDone}
            total={restore.spec.dryRun ? 0 : itemsTotal}
          />
          {job?.progress?.message && <p className="subtle">Agent: {job.progress.message}</p>}
          {job && job.attempts > 1 && (
            <p className="subtle">Attempt {job.attempts}: an earlier agent stopped before finishing.</p>
          )}
        </div>
      );
    }
    case 'Completed':
    case 'PartiallyFailed':
    case 'Failed':
      return null;
    default:
      return unreachable(restore.phase);
  }
}
