import type { BackupSpec, ClusterScopedPolicy } from '#schema/contracts/BackupSpec';
import type { LabelSelector } from '#schema/contracts/LabelSelector';
import { parseLabelSelector } from '#schema/contracts/parseLabelSelector';
import type { ApiResourceType } from '../kube/ApiResourceType.ts';
import type { ResourceDiscovery } from '../kube/discoverResources.ts';
import { type ClusterNamespace, selectNamespaces } from './selectNamespaces.ts';
import { selectResourceTypes } from './selectResourceTypes.ts';

/**
 * Everything a backup needs to know, resolved once before the first item is read: which types, which
 * namespaces, which labels. Later stages only follow it, so a namespace or CRD created mid-backup cannot
 * change what the backup means halfway through.
 */
export interface BackupRequest {
  spec: BackupSpec;
  /** Namespaced types whose objects are taken from every selected namespace, in discovery order. */
  namespacedTypes: ApiResourceType[];
  /**
   * Cluster-scoped types the backup may take. Under `all` every object of each is taken; under `auto` only
   * the objects the selected namespaced objects refer to; under `none` this list is empty.
   */
  clusterTypes: ApiResourceType[];
  /** The selected namespaces, sorted. */
  namespaces: string[];
  /**
   * True when the spec names no namespaces to include: each type is then listed once cluster-wide (and
   * objects of unselected namespaces dropped) instead of once per namespace, which for a cluster of a few
   * hundred namespaces is the difference between tens and thousands of requests.
   */
  listClusterWide: boolean;
  /** OR'd: an object is selected when it matches any one. Empty selects every object. */
  labelSelectors: LabelSelector[];
  clusterScoped: ClusterScopedPolicy;
  /** What resolution found worth telling the user: discovery failures, include entries matching nothing. */
  warnings: string[];
  /** What the spec asked for that the cluster does not have (a namespace named exactly): the backup is `PartiallyFailed`. */
  errors: string[];
}

/**
 * Resolves a spec against the cluster as discovery and the namespace list describe it. Pure: the caller
 * reads the cluster (`loadBackupRequest`). The spec was validated where it entered, so its selectors parse.
 */
export function resolveBackupRequest(
  spec: BackupSpec,
  discovery: ResourceDiscovery,
  clusterNamespaces: readonly ClusterNamespace[],
): BackupRequest {
  const types = selectResourceTypes(spec.includeResources, spec.excludeResources, discovery.types);
  const namespaces = selectNamespaces(spec.includeNamespaces, spec.excludeNamespaces, clusterNamespaces);
  return {
    spec,
    namespacedTypes: types.namespaced,
    clusterTypes: spec.clusterScoped === 'none' ? [] : types.clusterScoped,
    namespaces: namespaces.namespaces,
    listClusterWide: spec.includeNamespaces.length === 0,
    labelSelectors: spec.labelSelectors.map((text, i) => parseLabelSelector(text, `labelSelectors[${i}]`)),
    clusterScoped: spec.clusterScoped,
    warnings: [
      ...discovery.warnings.map((w) => `discovery of ${w}`),
      ...types.warnings,
      ...namespaces.warnings,
    ],
    errors: namespaces.errors,
  };
}
