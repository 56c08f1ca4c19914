import { defineOperation } from '../api/Operation.ts';

export type ClusterStatus = 'PendingEnrollment' | 'Connected' | 'Disconnected';

export interface FleetCluster {
  id: string;
  tenantId: string;
  name: string;
  labels: { key: string; value: string }[];
  status: ClusterStatus;
  agentVersion: string | null;
  kubernetesVersion: string | null;
  lastSeenAt: string | null;
  enrolledAt: string | null;
  createdAt: string;
  lastSuccessfulBackup: {
    id: string;
    name: string;
    phase: 'Completed' | 'PartiallyFailed';
    createdAt: string;
    startedAt: string | null;
    completedAt: string | null;
  } | null;
}

export interface FleetSchedule {
  id: string;
  clusterId: string;
  name: string;
  createdAt: string;
  nextRunTimes: string[];
}

export interface FleetData {
  clusters: { totalCount: number; edges: { node: FleetCluster }[] };
  backupSchedules: { edges: { node: FleetSchedule }[] };
}

/** How many clusters one page of the fleet shows; past it, the screen says to narrow by tenant. */
export const fleetPageSize = 200;

/**
 * The fleet: every cluster with its agent and last good backup, and the active schedules whose run times
 * say how fresh those backups should be (see `backupFreshness`).
 */
export const fleetQuery = defineOperation<FleetData, { tenantId: string | null }>(`
  query Fleet($tenantId: ID) {
    clusters(first: ${fleetPageSize}, filter: { tenantId: $tenantId }) {
      totalCount
      edges {
        node {
          id tenantId name labels { key value } status agentVersion kubernetesVersion lastSeenAt enrolledAt createdAt
          lastSuccessfulBackup { id name phase createdAt startedAt completedAt }
        }
      }
    }
    backupSchedules(first: 500, filter: { tenantId: $tenantId, suspended: false }) {
      edges { node { id clusterId name createdAt nextRunTimes(count: 50) } }
    }
  }
`);
