import { useEffect, useRef } from 'react';
import type { ApiError } from '../api/ApiError.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { LoadingState } from '../states/LoadingState.tsx';
import { Link } from '../router/Link.tsx';
import type { ClusterName } from './clusterNamesQuery.ts';
import { describePolicy } from './describePolicy.ts';
import { MessageList } from './MessageList.tsx';
import { CountTable } from '../ui/CountTable.tsx';
import { RestorePhaseBadge } from './RestorePhaseBadge.tsx';
import { isRestoreEnded } from './restorePhase.ts';
import { restorePath } from './restorePaths.ts';
import { RestoreProgress } from './RestoreProgress.tsx';
import { RestoreSummary } from './RestoreSummary.tsx';
import { useLiveRestore } from './useLiveRestore.ts';

export interface DryRunPlanProps {
  dryRunId: string;
  backupName: string;
  clusters: ReadonlyMap<string, ClusterName>;
  /** Back to the form, its choices kept. */
  onChange: () => void;
  /** Runs the restore with the dry run's choices. */
  onRun: () => void;
  running: boolean;
  runError: ApiError | undefined;
}

/**
 * The wizard's plan step: follows the dry run live until its agent has read and verified the backup, then
 * shows what the restore would apply, by type, and its warnings, with the button that runs it for real.
 */
export function DryRunPlan({ dryRunId, backupName, clusters, onChange, onRun, running, runError }: DryRunPlanProps) {
  const live = useLiveRestore(dryRunId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const restore = live.status === 'ready' ? live.restore : undefined;
  const ended = restore !== undefined && isRestoreEnded(restore.phase);
  const result = restore?.result;
  const planned = result?.countsByKind.reduce((sum, c) => sum + c.count, 0) ?? 0;

  return (
    <section className="dry-run" aria-labelledby="plan-title">
      <h2 id="plan-title" ref={heading} tabIndex={-1}>
        Dry-run plan {restore && <RestorePhaseBadge phase={restore.phase} dryRun />}
      </h2>
      <div role="status" aria-live="polite" className="visually-hidden">
        {restore ? (ended ? `Dry run ${restore.phase === 'Failed' ? 'failed' : 'finished'}` : `Dry run ${restore.phase}`) : ''}
      </div>
      {live.status === 'loading' && <LoadingState label="Starting the dry run" />}
      {live.status === 'error' && <ErrorState error={live.error} title="Could not follow the dry run" onRetry={live.reload} />}
      {restore && !ended && (
        <RestoreProgress restore={restore} job={live.status === 'ready' ? live.job : undefined} target={clusters.get(restore.targetClusterId)} />
      )}
      {restore && ended && restore.phase === 'Failed' && (
        <div className="callout callout-bad" role="alert">
          <p>
            <strong>The dry run failed</strong>, so the restore would fail too:
          </p>
          {(result?.errors.length ? result.errors : ['the agent reported no reason']).map((e, i) => (
            <p key={i} className="error-message">
              {e}
            </p>
          ))}
          <p>
            Check that the target cluster’s agent is connected and can read the backup’s location, or change your
            choices, then preview again.
          </p>
        </div>
      )}
      {restore && ended && restore.phase !== 'Failed' && result && (
        <>
          <p>
            Restoring <strong>{backupName}</strong> into <strong>{clusters.get(restore.targetClusterId)?.name ?? 'the target'}</strong>{' '}
            would apply <strong data-testid="plan-count">{planned}</strong> {planned === 1 ? 'object' : 'objects'}. If one
            already exists there: {describePolicy(restore.spec.existingResourcePolicy).label.toLowerCase()}.
          </p>
          {planned === 0 ? (
            <p className="callout callout-warn">
              ⚠ Nothing matches these choices: the restore would apply nothing. Change the namespaces, kinds or labels.
            </p>
          ) : (
            <CountTable counts={result.countsByKind} caption="What the restore would apply, by type" className="plan-table" />
          )}
          <MessageList title="Warnings" messages={result.warnings} tone="warn" />
          <MessageList title="Errors" messages={result.errors} tone="bad" />
        </>
      )}
      {restore && (
        <>
          <h3>The choices the restore will use</h3>
          <RestoreSummary restore={restore} backupName={backupName} clusters={clusters} now={Date.now()} />
          <p className="hint">
            <Link to={restorePath(restore.id)}>Open the dry run on its own page</Link> (it stays in the list of
            restores).
          </p>
        </>
      )}
      {runError && <ErrorState error={runError} title="The hub did not start the restore" compact />}
      <div className="form-actions">
        <button type="button" onClick={onChange}>
          Change the choices
        </button>
        <button
          type="button"
          className="primary"
          disabled={!ended || restore?.phase === 'Failed' || planned === 0 || running}
          onClick={onRun}
        >
          {running ? 'Starting the restore…' : 'Run the restore'}
        </button>
      </div>
    </section>
  );
}
