/** What to do with an object that already exists in the target: leave it, patch it, or recreate it. */
export type ExistingResourcePolicy = 'skip' | 'update' | 'replace';

export const existingResourcePolicies: readonly ExistingResourcePolicy[] = ['skip', 'update', 'replace'];

/** Which of the backup's cluster-scoped objects a restore takes (`ClusterScopedPolicy` of the schema). */
export type ClusterScopedPolicy = 'auto' | 'all' | 'none';

export const clusterScopedPolicies: readonly ClusterScopedPolicy[] = ['auto', 'all', 'none'];

/** One renaming: a source name and what it becomes in the target (`MappingInput` in the schema). */
export interface Mapping {
  from: string;
  to: string;
}

/**
 * `CreateRestoreInput` of schema/hub.graphql, whole: the wizard always sends every field, so the dry run and
 * the restore that follows it are asked for with exactly the same choices.
 */
export interface CreateRestoreInput {
  backupId: string;
  targetClusterId: string;
  /** Source namespace → target namespace; identity mappings are left out. */
  namespaceMapping: Mapping[];
  /** Source namespaces or `*` patterns; empty means all of the backup's. */
  includeNamespaces: string[];
  excludeNamespaces: string[];
  /** Resource types like `configmaps`, `deployments.apps`; empty means all. */
  includeResources: string[];
  excludeResources: string[];
  /** Kubernetes label selectors, OR'd. */
  labelSelectors: string[];
  existingResourcePolicy: ExistingResourcePolicy;
  clusterScoped: ClusterScopedPolicy;
  storageClassMapping: Mapping[];
  dryRun: boolean;
}
