import { useEffect, useRef, useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { useSubscription } from '../api/useSubscription.ts';
import { Page } from '../ui/Page.tsx';
import { Link } from '../router/Link.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { QueryView } from '../states/QueryView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { BackupActivity } from './BackupActivity.tsx';
import type { BackupDetail } from './BackupDetail.ts';
import { type BackupData, backupDetailSubscription, backupPlacesQuery, backupQuery } from './backupQuery.ts';
import { BackupFacts } from './BackupFacts.tsx';
import { BackupProgressBar } from './BackupProgressBar.tsx';
import { BackupSpecList } from './BackupSpecList.tsx';
import { BackupLog } from './BackupLog.tsx';
import { DeleteBackupDialog } from './DeleteBackupDialog.tsx';
import { DeletionStatus } from './DeletionStatus.tsx';
import { isInProgress } from './isInProgress.ts';
import { mayOperate } from './mayOperate.ts';
import { PhaseBadge } from './PhaseBadge.tsx';
import { ProblemList } from './ProblemList.tsx';
import { BackupScreen } from './BackupScreen.tsx';
import { CountTable } from '../ui/CountTable.tsx';

/** One backup: its state (live), where it came from and went, what it took, what it holds, what went wrong. */
export function BackupPage({ id }: { id: string }) {
  const query = useQuery(backupQuery, { id });
  if (query.state.status === 'ready') return <BackupView data={query.state.data} reload={query.reload} />;
  return (
    <BackupScreen>
      <Page title="Backup">
        <QueryView query={query} loading="Loading the backup" failed="Could not load the backup">
          {() => null}
        </QueryView>
      </Page>
    </BackupScreen>
  );
}

function BackupView({ data, reload }: { data: BackupData; reload: () => void }) {
  const { me } = useTenants();
  const [backup, setBackup] = useState<BackupDetail>(data.backup);
  const [deleting, setDeleting] = useState(false);
  const live = useSubscription(backupDetailSubscription, { id: data.backup.id });
  const places = useQuery(backupPlacesQuery, { clusterId: data.backup.clusterId, locationId: data.backup.locationId });

  // Whichever arrived last is newest: a reload's answer, a live update, the delete mutation's answer.
  useEffect(() => setBackup(data.backup), [data.backup]);
  const liveBackup = live.status === 'live' ? live.data.backupUpdated : undefined;
  useEffect(() => {
    if (liveBackup) setBackup(liveBackup);
  }, [liveBackup]);

  // A new deletion job (asked here, by expiry, or by retention) is not in the jobs read at first: read again.
  const deletionKey = `${backup.phase}/${backup.deletion?.attempts ?? 0}`;
  const shownKey = useRef(deletionKey);
  useEffect(() => {
    if (shownKey.current === deletionKey) return;
    shownKey.current = deletionKey;
    reload();
  }, [deletionKey, reload]);

  const gone = live.status === 'error' && live.error.code === 'NOT_FOUND';
  if (gone) {
    return (
      <BackupScreen>
        <Page title={backup.name}>
          <EmptyState title="This backup has been deleted" action={<Link to="/backups">Back to the backups</Link>}>
            <p>Its data was removed from the location and it has left the catalog.</p>
          </EmptyState>
        </Page>
      </BackupScreen>
    );
  }

  const now = Date.now();
  const place = places.state.status === 'ready' ? places.state.data : undefined;
  const locationName = place?.backupLocation.name ?? backup.locationId;
  const allowed = mayOperate(me, {
    tenantId: backup.tenantId,
    clusterId: backup.clusterId,
    namespaces: backup.spec.includeNamespaces,
  });
  const retryable = backup.phase === 'Deleting' && backup.deletion?.retryAt != null;
  const deletable = !isInProgress(backup.phase) || retryable;
  const restorable = backup.phase === 'Completed' || backup.phase === 'PartiallyFailed';
  const actions = allowed ? (
    <>
      {restorable && (
        <Link to={`/restores/new?backup=${encodeURIComponent(backup.id)}`} className="action-link">
          Restore…
        </Link>
      )}
      <button
        type="button"
        className="danger"
        disabled={!deletable}
        aria-describedby={deletable ? undefined : 'delete-hint'}
        onClick={() => setDeleting(true)}
      >
        {retryable ? 'Retry deletion' : 'Delete'}
      </button>
      {!deletable && (
        <span className="hint" id="delete-hint">
          {backup.phase === 'Deleting' ? 'Deletion under way' : 'Can be deleted once it has ended'}
        </span>
      )}
    </>
  ) : undefined;
  const result = backup.result;

  return (
    <BackupScreen>
      <Page
        title={backup.name}
        description={
          <>
            A backup of{' '}
            <Link to={`/applications/${backup.clusterId}`}>{place?.cluster.name ?? backup.clusterId}</Link> to{' '}
            {locationName}.
          </>
        }
        actions={actions}
      >
        <section className="panel backup-status" aria-label="Status">
          <div className="backup-status-head">
            <PhaseBadge phase={backup.phase} />
            {live.status === 'live' || live.status === 'connecting' ? null : (
              <span className="subtle inline">live updates stopped: {live.status === 'error' ? live.error.message : 'ended'}</span>
            )}
          </div>
          <BackupProgressBar backup={backup} />
          {backup.deletion && <DeletionStatus deletion={backup.deletion} now={now} />}
        </section>

        <div className="detail-grid">
          <section className="panel" aria-labelledby="facts-heading">
            <h2 id="facts-heading">Overview</h2>
            <BackupFacts backup={backup} clusterName={place?.cluster.name} locationName={locationName} now={now} />
          </section>
          <section className="panel" aria-labelledby="spec-heading">
            <h2 id="spec-heading">What it takes</h2>
            <BackupSpecList spec={backup.spec} />
          </section>
        </div>

        <section className="panel" aria-labelledby="contents-heading">
          <h2 id="contents-heading">Contents by kind</h2>
          {result ? (
            result.countsByKind.length > 0 ? (
              <CountTable counts={result.countsByKind} caption="Objects by kind" hideCaption className="kind-table" />
            ) : (
              <p className="subtle">It holds no objects.</p>
            )
          ) : (
            <p className="subtle">Counted when the backup ends.</p>
          )}
        </section>

        <section className="panel" aria-labelledby="problems-heading">
          <h2 id="problems-heading">Errors and warnings</h2>
          {result ? (
            <div className="problems-grid">
              <ProblemList title="Errors" items={backup.errors} tone="bad" />
              <ProblemList title="Warnings" items={backup.warnings} tone="warn" />
            </div>
          ) : (
            <p className="subtle">Reported when the backup ends.</p>
          )}
        </section>

        <section className="panel" aria-labelledby="log-heading">
          <h2 id="log-heading">Log</h2>
          <BackupLog backup={backup} />
        </section>

        <section className="panel" aria-labelledby="activity-heading">
          <h2 id="activity-heading">Activity</h2>
          <BackupActivity jobs={data.jobs.edges.map((e) => e.node)} />
        </section>

        {deleting && (
          <DeleteBackupDialog
            backup={backup}
            locationName={locationName}
            onClose={() => setDeleting(false)}
            onDeleting={setBackup}
          />
        )}
      </Page>
    </BackupScreen>
  );
}
