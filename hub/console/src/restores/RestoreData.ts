import type { ResourceCount } from '../backups/BackupListItem.ts';
import type { ClusterScopedPolicy, ExistingResourcePolicy, Mapping } from './CreateRestoreInput.ts';
import type { RestorePhase } from './restorePhase.ts';

/** `RestoreSpec` of the schema: what a restore applies and where. */
export interface RestoreSpecData {
  namespaceMapping: Mapping[];
  includeNamespaces: string[];
  excludeNamespaces: string[];
  includeResources: string[];
  excludeResources: string[];
  labelSelectors: string[];
  existingResourcePolicy: ExistingResourcePolicy;
  clusterScoped: ClusterScopedPolicy;
  storageClassMapping: Mapping[];
  dryRun: boolean;
}

export interface RestoreItemCounts {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

/** A restore as the detail page, the dry-run plan and the live updates read it. */
export interface RestoreData {
  id: string;
  tenantId: string;
  backupId: string;
  sourceClusterId: string;
  targetClusterId: string;
  phase: RestorePhase;
  spec: RestoreSpecData;
  progress: { itemsDone: number; itemsTotal: number; bytes: number };
  /** Present once the restore has ended. */
  result: { countsByKind: ResourceCount[]; warnings: string[]; errors: string[] } | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  itemCounts: RestoreItemCounts;
}

/** The fields of `RestoreData`, for every operation that reads a whole restore. */
export const restoreFields = `
  fragment RestoreFields on Restore {
    id tenantId backupId sourceClusterId targetClusterId phase
    spec {
      namespaceMapping { from to } includeNamespaces excludeNamespaces includeResources excludeResources
      labelSelectors existingResourcePolicy clusterScoped storageClassMapping { from to } dryRun
    }
    progress { itemsDone itemsTotal bytes }
    result { countsByKind { resource kind count } warnings errors }
    createdAt startedAt completedAt
    itemCounts { created updated skipped failed }
  }
`;
