import type { ClusterScopedPolicy, ExistingResourcePolicy } from './CreateRestoreInput.ts';
import { type MappingRow, mappingRow } from './MappingRow.ts';

/** The wizard's form as the user has filled it in; `restoreInputOf` turns it into a `CreateRestoreInput`. */
export interface RestoreChoices {
  targetClusterId: string;
  /** Source namespaces or patterns, as typed; blank means all of the backup's. */
  includeNamespaces: string;
  excludeNamespaces: string;
  namespaceMapping: MappingRow[];
  /** Kinds of the backup's contents whose boxes are cleared. */
  excludedKinds: string[];
  /** Resource types as typed, for filters beyond the backup's listed kinds. */
  includeResources: string;
  excludeResources: string;
  /** One label selector per line. */
  labelSelectors: string;
  existingResourcePolicy: ExistingResourcePolicy;
  clusterScoped: ClusterScopedPolicy;
  storageClassMapping: MappingRow[];
}

/**
 * A fresh form for a backup: every kind in, existing objects left alone, and one mapping row per namespace
 * the backup names literally (its target left blank: same name), so renaming one is a matter of typing.
 */
export function initialRestoreChoices(backupIncludeNamespaces: readonly string[]): RestoreChoices {
  const literal = backupIncludeNamespaces.filter((ns) => !ns.includes('*'));
  return {
    targetClusterId: '',
    includeNamespaces: '',
    excludeNamespaces: '',
    namespaceMapping: literal.length > 0 ? literal.map((ns) => mappingRow(ns)) : [mappingRow()],
    excludedKinds: [],
    includeResources: '',
    excludeResources: '',
    labelSelectors: '',
    existingResourcePolicy: 'skip',
    clusterScoped: 'auto',
    storageClassMapping: [mappingRow()],
  };
}
