import { useState } from 'react';
import type { ApiError } from '../api/ApiError.ts';
import { useQuery } from '../api/useQuery.ts';
import { RestoreScreen } from './RestoreScreen.tsx';
import { ErrorState } from '../states/ErrorState.tsx';
import { LoadingState } from '../states/LoadingState.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { backupNameQuery } from './backupNameQuery.ts';
import { CancelRestoreButton } from './CancelRestoreButton.tsx';
import { clusterNamesQuery } from './clusterNamesQuery.ts';
import type { RestoreData } from './RestoreData.ts';
import { RestoreItems } from './RestoreItems.tsx';
import type { RestoreItemResult } from './restoreItemsQuery.ts';
import { RestoreOutcome } from './RestoreOutcome.tsx';
import { RestorePhaseBadge } from './RestorePhaseBadge.tsx';
import { isRestoreEnded, restorePhaseLook } from './restorePhase.ts';
import { RestoreProgress } from './RestoreProgress.tsx';
import type { RestoreJob } from './restoreQuery.ts';
import { RestoreSummary } from './RestoreSummary.tsx';
import { useLiveRestore } from './useLiveRestore.ts';
import { unreachable } from '../ui/unreachable.ts';

/** One restore, live while it runs: its phase and progress, how it ended, and what it did with each item. */
export function RestorePage({ id }: { id: string }) {
  const live = useLiveRestore(id);
  switch (live.status) {
    case 'loading':
      return (
        <RestoreScreen title="Restore">
          <LoadingState label="Loading the restore" />
        </RestoreScreen>
      );
    case 'error':
      return (
        <RestoreScreen title="Restore">
          <ErrorState error={live.error} title="Could not load the restore" onRetry={live.reload} />
        </RestoreScreen>
      );
    case 'ready':
      return <RestoreView restore={live.restore} job={live.job} liveError={live.liveError} />;
    default:
      return unreachable(live);
  }
}

interface RestoreViewProps {
  restore: RestoreData;
  job: RestoreJob | undefined;
  liveError: ApiError | undefined;
}

function RestoreView({ restore, job, liveError }: RestoreViewProps) {
  const { can } = useTenants();
  const ended = isRestoreEnded(restore.phase);
  const backup = useQuery(backupNameQuery, { id: restore.backupId });
  const clusters = useQuery(clusterNamesQuery, { tenantId: restore.tenantId }, { pollMs: ended ? undefined : 15_000 });
  const [filter, setFilter] = useState<RestoreItemResult | null>(null);
  const backupName = backup.state.status === 'ready' ? backup.state.data.backup.name : undefined;
  const clusterMap = new Map(
    clusters.state.status === 'ready' ? clusters.state.data.clusters.edges.map((e) => [e.node.id, e.node]) : [],
  );
  const canRestore = can('operator', restore.tenantId);
  const what = restore.spec.dryRun ? 'Dry run' : 'Restore';
  const title = backupName ? `${what} of ${backupName}` : `${what} ${restore.id.slice(0, 8)}`;
  const counts = restore.itemCounts;
  const started = restore.phase !== 'Pending';
  const showFailed = () => {
    setFilter('failed');
    document.getElementById('items-title')?.focus();
  };

  return (
    <RestoreScreen
      title={title}
      description={
        <>
          <RestorePhaseBadge phase={restore.phase} dryRun={restore.spec.dryRun} />{' '}
          <span className="visually-hidden" role="status" aria-live="polite">
            {what} phase: {restorePhaseLook(restore.phase).label}
          </span>
        </>
      }
      actions={
        !ended && canRestore && job && (job.phase === 'Queued' || job.phase === 'Running') ? (
          <CancelRestoreButton jobId={job.id} what={what.toLowerCase()} />
        ) : undefined
      }
    >
      {liveError && (
        <ErrorState error={liveError} title="Live updates stopped; reading the restore every few seconds instead" compact />
      )}
      <RestoreProgress restore={restore} job={job} target={clusterMap.get(restore.targetClusterId)} />
      {ended && <RestoreOutcome restore={restore} canRestore={canRestore} onShowFailed={showFailed} />}
      <RestoreSummary restore={restore} backupName={backupName} clusters={clusterMap} now={Date.now()} />
      {restore.spec.dryRun ? (
        <p className="hint">A dry run applies nothing and so records no items; its plan is above once it has run.</p>
      ) : (
        <RestoreItems
          restoreId={restore.id}
          counts={counts}
          version={`${restore.phase}:${restore.progress.itemsDone}:${counts.created + counts.updated + counts.skipped + counts.failed}`}
          filter={filter}
          onFilter={setFilter}
          started={started}
        />
      )}
    </RestoreScreen>
  );
}
