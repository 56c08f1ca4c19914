import type { BackupFreshness } from './backupFreshness.ts';
import type { FleetCluster } from './fleetQuery.ts';

/** Counts at a glance, and a warning naming every cluster whose backups are overdue. */
export function FleetSummary({
  clusters,
  freshness,
}: {
  clusters: readonly FleetCluster[];
  freshness: ReadonlyMap<string, BackupFreshness>;
}) {
  const count = (status: FleetCluster['status']) => clusters.filter((c) => c.status === status).length;
  const overdue = clusters.filter((c) => freshness.get(c.id)?.kind === 'overdue');
  return (
    <>
      <ul className="summary" aria-label="Fleet summary">
        <li>
          <strong>{clusters.length}</strong> clusters
        </li>
        <li>
          <strong>{count('Connected')}</strong> connected
        </li>
        <li>
          <strong>{count('Disconnected')}</strong> disconnected
        </li>
        <li>
          <strong>{count('PendingEnrollment')}</strong> awaiting an agent
        </li>
        <li className={overdue.length ? 'summary-warn' : undefined}>
          <strong>{overdue.length}</strong> with overdue backups
        </li>
      </ul>
      {overdue.length > 0 && (
        <div className="callout callout-warn" data-testid="overdue-warning">
          <strong>
            ⚠ {overdue.length === 1 ? '1 cluster has' : `${overdue.length} clusters have`} no good backup as recent as
            its schedules promise:
          </strong>{' '}
          {overdue.map((c) => c.name).join(', ')}. Check their agents' connection and their latest backups' errors.
        </div>
      )}
    </>
  );
}
