import { type ApiResourceType, qualifiedResourceName } from '../kube/ApiResourceType.ts';
import { alwaysExcludedGroups, alwaysExcludedResources } from './alwaysExcludedResources.ts';

/** The types a backup may take, split by scope, in discovery order. */
export interface ResourceTypeSelection {
  namespaced: ApiResourceType[];
  clusterScoped: ApiResourceType[];
  warnings: string[];
}

/**
 * Applies a spec's include/exclude resource lists and the always-excluded types to what discovery found.
 * An entry is a `kubectl api-resources` name (`deployments.apps`, `configmaps`); a bare plural
 * (`deployments`, `events`) also matches that plural in every group, as people type it. An empty include
 * list means all; excludes and the always-excluded list win over includes. Entries that match nothing the
 * cluster serves, and includes of always-excluded types, are warnings: likely typos, or an expectation the
 * backup will not meet.
 */
export function selectResourceTypes(
  include: readonly string[],
  exclude: readonly string[],
  served: readonly ApiResourceType[],
): ResourceTypeSelection {
  const warnings: string[] = [];
  for (const [field, entries] of [
    ['includeResources', include],
    ['excludeResources', exclude],
  ] as const) {
    for (const entry of entries) {
      const matched = served.filter((t) => matchesEntry(entry, t));
      if (matched.length === 0) warnings.push(`${field}: '${entry}' is not a resource type the cluster serves`);
      if (field === 'includeResources') {
        for (const t of matched) {
          const reason = whyAlwaysExcluded(t);
          if (reason) warnings.push(`${qualifiedResourceName(t)} is never backed up: ${reason}`);
        }
      }
    }
  }
  const selected = served.filter(
    (t) =>
      (include.length === 0 || include.some((e) => matchesEntry(e, t))) &&
      !exclude.some((e) => matchesEntry(e, t)) &&
      whyAlwaysExcluded(t) === undefined,
  );
  return {
    namespaced: selected.filter((t) => t.namespaced),
    clusterScoped: selected.filter((t) => !t.namespaced),
    warnings,
  };
}

function matchesEntry(entry: string, type: ApiResourceType): boolean {
  return entry === qualifiedResourceName(type) || entry === type.plural;
}

function whyAlwaysExcluded(type: ApiResourceType): string | undefined {
  return (
    ownValue(alwaysExcludedGroups, type.group) ??
    ownValue(alwaysExcludedResources, qualifiedResourceName(type))
  );
}

/** A lookup that cannot hit `Object.prototype` (a type named `constructor` is not excluded). */
function ownValue(map: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
