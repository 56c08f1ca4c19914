import type { IndexEntry } from '../backup/IndexEntry.ts';
import { parseLabelSelector } from '#schema/contracts/parseLabelSelector';
import { matchesAnyLabelSelector } from '#schema/contracts/matchesLabelSelector';
import { type RestoreSpec, targetNamespaceOf } from '#schema/contracts/RestoreSpec';
import { type RestorePlanItem, typeNameOf } from './RestorePlanItem.ts';
import { unreachable } from '#schema/contracts/unreachable';
import { globToRegExp } from '../backup/selectNamespaces.ts';
import { neededKey } from './RestoreNeeds.ts';
import { restoreOrder } from './restoreOrder.ts';

/** What the archive told the planner; without it, the plan is the archive pass's (see `planRestore`). */
export interface PlanNeeds {
  /** Cluster-scoped objects the restored namespaced objects need, by `neededKey` (`RestoreNeeds.needed`). */
  needed: ReadonlySet<string>;
}

/**
 * The objects a restore applies, in dependency order (`restoreOrder`), with `namespaceMapping` applied to
 * their target namespace (and a Namespace's name). Plans from the index: every filter needs only what an
 * index entry holds; the object is mapped the same way when it is loaded.
 *
 * Filters, all on the backup's (source) side: include/exclude namespaces (names or `*` globs) select
 * namespaced objects by their namespace and Namespace objects by their name. Include/exclude resources take
 * `kubectl api-resources` names, or a bare plural matching it in any group. Label selectors are OR'd, matched
 * against the labels the index records; none selects everything. An exclude always wins.
 *
 * Other cluster-scoped objects that pass the resource and label filters are taken by `spec.clusterScoped`:
 * `all` every one, `none` none, `auto` those in `needs.needed`. Which ones `auto` needs depends on what the
 * restored objects say (a claim's volume, a binding's role), so a restore plans twice: first without `needs`,
 * which keeps every candidate, for the pass over the archive that verifies it and feeds `RestoreNeeds`; then
 * with them, for what is applied.
 *
 * Pure: touches neither the store nor the cluster.
 */
export function planRestore(entries: readonly IndexEntry[], spec: RestoreSpec, needs?: PlanNeeds): RestorePlanItem[] {
  const includeNs = spec.includeNamespaces.map(globToRegExp);
  const excludeNs = spec.excludeNamespaces.map(globToRegExp);
  const selectors = spec.labelSelectors.map((s) => parseLabelSelector(s));
  const nsSelected = (ns: string) =>
    (includeNs.length === 0 || includeNs.some((p) => p.test(ns))) && !excludeNs.some((p) => p.test(ns));
  const clusterObjectTaken = (type: string, name: string): boolean => {
    switch (spec.clusterScoped) {
      case 'all':
        return true;
      case 'none':
        return false;
      case 'auto':
        return needs === undefined || needs.needed.has(neededKey(type, name));
      default:
        return unreachable(spec.clusterScoped);
    }
  };

  const plan: RestorePlanItem[] = [];
  for (const entry of entries) {
    const type = typeNameOf(entry);
    if (!resourceSelected(spec, type, entry.resource)) continue;
    const isNamespace = type === 'namespaces';
    const sourceNs = isNamespace ? entry.name : entry.namespace;
    if (sourceNs !== null && !nsSelected(sourceNs)) continue;
    if (!matchesAnyLabelSelector(selectors, entry.labels)) continue;
    if (sourceNs === null && !clusterObjectTaken(type, entry.name)) continue;

    const targetNamespace = entry.namespace === null ? null : targetNamespaceOf(spec, entry.namespace);
    const name = isNamespace ? targetNamespaceOf(spec, entry.name) : entry.name;
    plan.push({ entry, type, targetNamespace, name });
  }
  return restoreOrder(plan, (p) => p.entry);
}

/** Whether include/exclude resources select type `type` (plural `resource`): its full name or bare plural. */
export function resourceSelected(spec: Pick<RestoreSpec, 'includeResources' | 'excludeResources'>, type: string, resource: string): boolean {
  const matches = (list: readonly string[]) => list.some((t) => t === type || t === resource);
  return (spec.includeResources.length === 0 || matches(spec.includeResources)) && !matches(spec.excludeResources);
}

