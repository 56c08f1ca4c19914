import { Badge } from '../ui/Badge.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { unreachable } from '../ui/unreachable.ts';
import type { FleetCluster } from './fleetQuery.ts';

/** A cluster's connection state, and when a disconnected agent was last heard from. */
export function ConnectionCell({ cluster, now }: { cluster: FleetCluster; now: number }) {
  switch (cluster.status) {
    case 'Connected':
      return <Badge tone="ok">Connected</Badge>;
    case 'Disconnected':
      return (
        <>
          <Badge tone="bad">Disconnected</Badge>
          {cluster.lastSeenAt && (
            <span className="subtle">
              last seen <RelativeTime at={cluster.lastSeenAt} now={now} />
            </span>
          )}
        </>
      );
    case 'PendingEnrollment':
      return (
        <>
          <Badge tone="neutral">Awaiting agent</Badge>
          <span className="subtle">registered, no agent enrolled yet</span>
        </>
      );
    default:
      return unreachable(cluster.status);
  }
}
