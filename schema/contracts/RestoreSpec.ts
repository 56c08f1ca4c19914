import { type ClusterScopedPolicy, clusterScopedPolicies } from './BackupSpec.ts';
import { checkLabelSelector } from './checkLabelSelector.ts';
import {
  namespacePatternProblem,
  namespaceProblem,
  resourceTypeProblem,
  storageClassProblem,
} from './kubernetesNames.ts';
import { WireError } from './WireError.ts';
import { SpecReader } from './SpecReader.ts';

/** What a restore does with an object that already exists in the target: leave it, patch it, or recreate it. */
export const existingResourcePolicies = ['skip', 'update', 'replace'] as const;
export type ExistingResourcePolicy = (typeof existingResourcePolicies)[number];

/**
 * What to restore and where, shared by the hub and the agent. Filters apply to the backup's contents, by
 * source namespace; `namespaceMapping` then renames source namespaces in the target. Version 1.
 */
export interface RestoreSpec {
  version: 1;
  backupId: string;
  /** Any cluster of the backup's tenant, the backup's own included. */
  targetClusterId: string;
  /** Source namespace → target namespace. */
  namespaceMapping: Record<string, string>;
  includeNamespaces: string[];
  excludeNamespaces: string[];
  includeResources: string[];
  excludeResources: string[];
  /** OR'd, each in Kubernetes syntax. */
  labelSelectors: string[];
  existingResourcePolicy: ExistingResourcePolicy;
  /**
   * Which of the backup's cluster-scoped objects (other than Namespaces, which follow the namespace filters)
   * are restored: `auto` (the default) only those the restored namespaced objects need, by the rule backups use
   * (`agent/src/backup/clusterDependencies.ts`: the CRDs of custom objects, the PVs of claims and their storage
   * classes, the ClusterRoles RoleBindings grant, PriorityClasses, RuntimeClasses), so restoring some
   * namespaces of a bigger backup touches nothing else of the cluster; `all` every one that passes the resource
   * and label filters (a whole-cluster recovery); `none` none.
   */
  clusterScoped: ClusterScopedPolicy;
  /** Source storage class → target storage class, for PVCs and PVs. */
  storageClassMapping: Record<string, string>;
  /**
   * Change nothing in the target: read each planned object there and report per item what a real run would
   * do, decided as the real run decides it.
   */
  dryRun: boolean;
}

/** Validates a restore spec from the wire; throws a `WireError` naming the first bad field, under `path` if given. */
export function parseRestoreSpec(value: unknown, path = ''): RestoreSpec {
  const r = SpecReader.of(value, path);
  r.version('restore spec', [1]);
  const spec: RestoreSpec = {
    version: 1,
    backupId: r.string('backupId'),
    targetClusterId: r.string('targetClusterId'),
    namespaceMapping: r.stringMap('namespaceMapping', namespaceProblem, namespaceProblem),
    includeNamespaces: r.stringList('includeNamespaces', namespacePatternProblem),
    excludeNamespaces: r.stringList('excludeNamespaces', namespacePatternProblem),
    includeResources: r.stringList('includeResources', resourceTypeProblem),
    excludeResources: r.stringList('excludeResources', resourceTypeProblem),
    labelSelectors: r.stringList('labelSelectors', checkLabelSelector),
    existingResourcePolicy: r.oneOf('existingResourcePolicy', existingResourcePolicies, 'skip'),
    clusterScoped: r.oneOf('clusterScoped', clusterScopedPolicies, 'auto'),
    storageClassMapping: r.stringMap('storageClassMapping', storageClassProblem, storageClassProblem),
    dryRun: r.boolean('dryRun', false),
  };
  r.disjoint('includeNamespaces', spec.includeNamespaces, spec.excludeNamespaces);
  r.disjoint('includeResources', spec.includeResources, spec.excludeResources);
  // Two sources into one target would silently merge namespaces, and the second would overwrite the first.
  const seen = new Map<string, string>();
  for (const [source, target] of Object.entries(spec.namespaceMapping)) {
    const earlier = seen.get(target);
    if (earlier !== undefined) {
      throw new WireError(`${r.field('namespaceMapping')}.${source}`, `maps to '${target}', as '${earlier}' already does`);
    }
    seen.set(target, source);
  }
  return spec;
}

/** The target namespace of a source namespace under the restore's mapping. */
export function targetNamespaceOf(spec: Pick<RestoreSpec, 'namespaceMapping'>, source: string): string {
  return spec.namespaceMapping[source] ?? source;
}
