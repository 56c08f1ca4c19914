import { Badge } from '../ui/Badge.tsx';
import { unreachable } from '../ui/unreachable.ts';
import type { ApplicationCluster } from './applicationClustersQuery.ts';

/** Whether the cluster's agent is there to report its namespaces and take backups. */
export function ClusterStatusBadge({ status }: { status: ApplicationCluster['status'] }) {
  switch (status) {
    case 'Connected':
      return <Badge tone="ok">Connected</Badge>;
    case 'Disconnected':
      return <Badge tone="bad">Disconnected</Badge>;
    case 'PendingEnrollment':
      return <Badge tone="neutral">Awaiting agent</Badge>;
    default:
      return unreachable(status);
  }
}
