/** A backup's lifecycle (`BackupPhase` in the schema). */
export type BackupPhase = 'Pending' | 'Running' | 'Completed' | 'PartiallyFailed' | 'Failed' | 'Deleting';

export const backupPhases: readonly BackupPhase[] = [
  'Pending',
  'Running',
  'Completed',
  'PartiallyFailed',
  'Failed',
  'Deleting',
];

export interface BackupProgress {
  itemsDone: number;
  itemsTotal: number;
  /** Bytes written to the location so far. */
  bytes: number;
}

/** Items of one resource type a backup or restore processed (`ResourceCount`). */
export interface ResourceCount {
  /** `kubectl api-resources` name: `configmaps`, `deployments.apps`. */
  resource: string;
  /** `ConfigMap`; null when the agent did not report it. */
  kind: string | null;
  count: number;
}

export interface BackupDeletionState {
  reason: 'Requested' | 'Expired' | 'Retention' | 'FailedCleanup';
  attempts: number;
  lastError: string | null;
  retryAt: string | null;
}

/** What a row of the backups list shows, and what its live updates carry. */
export interface BackupListItem {
  id: string;
  tenantId: string;
  clusterId: string;
  name: string;
  labels: { key: string; value: string }[];
  phase: BackupPhase;
  progress: BackupProgress;
  result: { countsByKind: ResourceCount[]; errors: string[]; warnings: string[] } | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  expiresAt: string;
  scheduleId: string | null;
  scheduledFor: string | null;
  late: boolean;
  deletion: BackupDeletionState | null;
}

/** The GraphQL selection of a `BackupListItem`. */
export const backupListFields = `
  id tenantId clusterId name labels { key value } phase
  progress { itemsDone itemsTotal bytes }
  result { countsByKind { resource kind count } errors warnings }
  createdAt startedAt completedAt expiresAt scheduleId scheduledFor late
  deletion { reason attempts lastError retryAt }
`;
