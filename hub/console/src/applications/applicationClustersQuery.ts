import { defineOperation } from '../api/Operation.ts';
import { backupPointFields, type BackupPointNode } from '../charts/BackupPoint.ts';

export interface ApplicationCluster {
  id: string;
  tenantId: string;
  name: string;
  status: 'PendingEnrollment' | 'Connected' | 'Disconnected';
  lastSeenAt: string | null;
}

/** How many of the newest backups the cluster list reads for its charts, across all its clusters. */
export const recentBackupsForCharts = 400;

export interface ApplicationClustersData {
  clusters: { totalCount: number; edges: { node: ApplicationCluster }[] };
  backups: { edges: { node: BackupPointNode & { clusterId: string } }[] };
}

/** The clusters to choose from, and the tenant's newest backups, which the per-cluster charts draw. */
export const applicationClustersQuery = defineOperation<ApplicationClustersData, { tenantId: string | null }>(`
  query ApplicationClusters($tenantId: ID) {
    clusters(first: 200, filter: { tenantId: $tenantId }) {
      totalCount
      edges { node { id tenantId name status lastSeenAt } }
    }
    backups(first: ${recentBackupsForCharts}, filter: { tenantId: $tenantId }) {
      edges { node { ${backupPointFields} clusterId } }
    }
  }
`);
