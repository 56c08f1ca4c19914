import { defineOperation } from '../api/Operation.ts';
import { backupPointFields, type BackupPointNode } from '../charts/BackupPoint.ts';
import type { ApplicationCluster } from './applicationClustersQuery.ts';

export interface ApplicationClusterData {
  cluster: ApplicationCluster & { labels: { key: string; value: string }[] };
  backups: { totalCount: number; edges: { node: BackupPointNode }[] };
}

/** One cluster for the application view's header, with its newest backups for the chart. */
export const applicationClusterQuery = defineOperation<ApplicationClusterData, { id: string }>(`
  query ApplicationCluster($id: ID!) {
    cluster(id: $id) { id tenantId name status lastSeenAt labels { key value } }
    backups(first: 20, filter: { clusterId: $id }) { totalCount edges { node { ${backupPointFields} } } }
  }
`);
