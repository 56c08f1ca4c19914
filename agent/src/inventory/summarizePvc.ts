import type { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import type { PvcSummary } from '#schema/agent/ClusterInventory';

/** What the application view shows of a PersistentVolumeClaim. */
export function summarizePvc(claim: V1PersistentVolumeClaim): PvcSummary {
  return {
    name: claim.metadata?.name ?? '',
    labels: { ...claim.metadata?.labels },
    storageClassName: claim.spec?.storageClassName ?? null,
    requestedStorage: claim.spec?.resources?.requests?.storage ?? null,
    // A claim the PV controller has not looked at yet has no status; Pending is what it will say first.
    phase: claim.status?.phase ?? 'Pending',
    volumeName: claim.spec?.volumeName || null,
  };
}
