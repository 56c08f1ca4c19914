import type { IndexEntry } from '../backup/IndexEntry.ts';
import { parseLabelSelector } from '../../../schema/spec/parseLabelSelector.ts';
import { matchesAnyLabelSelector } from '../../../schema/spec/matchesLabelSelector.ts';
import { type RestoreSpec, targetNamespaceOf } from '../../../schema/spec/RestoreSpec.ts';
import { type RestorePlanItem, typeNameOf } from './RestorePlanItem.ts';
import { restoreOrder } from './restoreOrder.ts';

/**
 * The objects a restore applies, in dependency order (`restoreOrder`), with `namespaceMapping` applied to
 * their target namespace (and a Namespace's name). Plans from the index alone: every filter needs only what
 * an index entry holds, so no object is read; the object is mapped the same way when it is loaded.
 *
 * Filters, all on the backup's (source) side: include/exclude namespaces (names or `*` globs) select
 * namespaced objects by their namespace and Namespace objects by their name; cluster-scoped objects are not
 * subject to them. Include/exclude resources take `kubectl api-resources` names, or a bare plural matching it
 * in any group. Label selectors are OR'd, matched against the labels the index records; none selects
 * everything. An exclude always wins.
 *
 * Pure: touches neither the store nor the cluster, so a dry run is this plan.
 */
export function planRestore(entries: readonly IndexEntry[], spec: RestoreSpec): RestorePlanItem[] {
  const includeNs = spec.includeNamespaces.map(globToRegExp);
  const excludeNs = spec.excludeNamespaces.map(globToRegExp);
  const selectors = spec.labelSelectors.map((s) => parseLabelSelector(s));
  const nsSelected = (ns: string) =>
    (includeNs.length === 0 || includeNs.some((p) => p.test(ns))) && !excludeNs.some((p) => p.test(ns));
  const typeMatches = (list: readonly string[], type: string, resource: string) =>
    list.some((t) => t === type || t === resource);

  const plan: RestorePlanItem[] = [];
  for (const entry of entries) {
    const type = typeNameOf(entry);
    if (spec.includeResources.length > 0 && !typeMatches(spec.includeResources, type, entry.resource)) continue;
    if (typeMatches(spec.excludeResources, type, entry.resource)) continue;
    const isNamespace = type === 'namespaces';
    const sourceNs = isNamespace ? entry.name : entry.namespace;
    if (sourceNs !== null && !nsSelected(sourceNs)) continue;
    if (!matchesAnyLabelSelector(selectors, entry.labels)) continue;

    const targetNamespace = entry.namespace === null ? null : targetNamespaceOf(spec, entry.namespace);
    const name = isNamespace ? targetNamespaceOf(spec, entry.name) : entry.name;
    plan.push({ entry, type, targetNamespace, name });
  }
  return restoreOrder(plan, (p) => p.entry);
}

/** `shop-*` → /^shop-.*$/, as backup specs read namespace globs. */
function globToRegExp(glob: string): RegExp {
  const literal = glob.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('.*')}$`);
}
