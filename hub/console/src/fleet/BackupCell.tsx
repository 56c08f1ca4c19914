import type { BackupFreshness } from './backupFreshness.ts';
import { Badge } from '../ui/Badge.tsx';
import { formatDuration } from '../ui/formatDuration.ts';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { unreachable } from '../ui/unreachable.ts';
import { lastGoodAt } from './clusterFreshness.ts';
import type { FleetCluster } from './fleetQuery.ts';

/** A cluster's last good backup, its age, and whether that keeps its schedules' promise. */
export function BackupCell({ cluster, freshness, now }: { cluster: FleetCluster; freshness: BackupFreshness; now: number }) {
  const backup = cluster.lastSuccessfulBackup;
  const at = lastGoodAt(cluster);
  return (
    <div className="backup-cell">
      {backup && at ? (
        <span>
          <RelativeTime at={at} now={now} />
          <span className="subtle" title={backup.name}>
            {backup.name}
            {backup.phase === 'PartiallyFailed' ? ' (partially failed)' : ''}
          </span>
        </span>
      ) : (
        <span className="subtle">No successful backup yet</span>
      )}
      <FreshnessNote freshness={freshness} />
    </div>
  );
}

function FreshnessNote({ freshness }: { freshness: BackupFreshness }) {
  switch (freshness.kind) {
    case 'unscheduled':
      return <span className="subtle">No active schedule</span>;
    case 'fresh':
      return <Badge tone="ok">On schedule</Badge>;
    case 'awaitingFirst':
      return <Badge tone="info">First scheduled backup pending</Badge>;
    case 'overdue':
      return (
        <span className="overdue">
          <Badge tone="warn">⚠ Overdue</Badge>
          <span>its schedules promise a backup every {formatDuration(freshness.promisedMs)}</span>
        </span>
      );
    default:
      return unreachable(freshness);
  }
}
