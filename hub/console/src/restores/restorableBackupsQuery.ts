import type { ResourceCount } from '../backups/BackupListItem.ts';
import { defineOperation } from '../api/Operation.ts';

export interface RestorableBackup {
  id: string;
  tenantId: string;
  clusterId: string;
  name: string;
  phase: 'Completed' | 'PartiallyFailed';
  createdAt: string;
  spec: { includeNamespaces: string[] };
  result: { countsByKind: ResourceCount[] } | null;
}

export interface RestorableBackupsData {
  backups: { totalCount: number; edges: { node: RestorableBackup }[] };
  clusters: { edges: { node: { id: string; name: string } }[] };
}

export const restorableBackupsPageSize = 100;

/** The newest backups that can be restored (Completed or PartiallyFailed), for picking one. */
export const restorableBackupsQuery = defineOperation<
  RestorableBackupsData,
  { tenantId: string | null; clusterId: string | null }
>(`
  query RestorableBackups($tenantId: ID, $clusterId: ID) {
    backups(
      first: ${restorableBackupsPageSize}
      filter: { tenantId: $tenantId, clusterId: $clusterId, phases: [Completed, PartiallyFailed] }
    ) {
      totalCount
      edges { node { id tenantId clusterId name phase createdAt spec { includeNamespaces } result { countsByKind { resource kind count } } } }
    }
    clusters(first: 500, filter: { tenantId: $tenantId }) { edges { node { id name } } }
  }
`);
