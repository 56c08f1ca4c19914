import { matchesLabelSelector } from '#schema/contracts/matchesLabelSelector';
import { parseLabelSelector } from '#schema/contracts/parseLabelSelector';
import type { RestoreSpec } from '#schema/contracts/RestoreSpec';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import { globToRegExp } from '../backup/selectNamespaces.ts';
import { resourceSelected } from './planRestore.ts';
import { typeNameOf } from './RestorePlanItem.ts';

/**
 * The restore's warnings about its own spec: every filter entry that matches nothing in the backup, most
 * likely a typo, which would otherwise pass unseen as a restore that did less than asked. Namespace patterns
 * (include and exclude) that match no namespace of the backup; `namespaceMapping` sources the backup does not
 * hold, or that the namespace filters leave out; resource types that no item of the backup has; label
 * selectors that select no item of the namespaces and types selected. Pure on the index.
 */
export function unmatchedFilters(entries: readonly IndexEntry[], spec: RestoreSpec): string[] {
  const warnings: string[] = [];
  const namespaces = new Set<string>();
  const types = new Set<string>();
  for (const entry of entries) {
    const type = typeNameOf(entry);
    types.add(type).add(entry.resource);
    if (entry.namespace !== null) namespaces.add(entry.namespace);
    else if (type === 'namespaces') namespaces.add(entry.name);
  }
  const matchesSome = (pattern: string) => {
    const regExp = globToRegExp(pattern);
    return [...namespaces].some((ns) => regExp.test(ns));
  };
  for (const field of ['includeNamespaces', 'excludeNamespaces'] as const) {
    for (const pattern of spec[field]) {
      if (!matchesSome(pattern)) warnings.push(`${field}: '${pattern}' matches no namespace in the backup`);
    }
  }
  const includes = spec.includeNamespaces.map(globToRegExp);
  const excludes = spec.excludeNamespaces.map(globToRegExp);
  const nsSelected = (ns: string) =>
    (includes.length === 0 || includes.some((p) => p.test(ns))) && !excludes.some((p) => p.test(ns));
  for (const [source, target] of Object.entries(spec.namespaceMapping)) {
    if (!namespaces.has(source)) {
      warnings.push(`namespaceMapping: namespace '${source}' is not in the backup, so nothing is restored into '${target}'`);
    } else if (!nsSelected(source)) {
      warnings.push(`namespaceMapping: namespace '${source}' is left out by the namespace filters, so nothing is restored into '${target}'`);
    }
  }
  for (const field of ['includeResources', 'excludeResources'] as const) {
    for (const type of spec[field]) {
      if (!types.has(type)) warnings.push(`${field}: the backup holds no '${type}'`);
    }
  }
  if (spec.labelSelectors.length > 0) {
    const candidates = entries.filter((entry) => {
      const type = typeNameOf(entry);
      const ns = type === 'namespaces' ? entry.name : entry.namespace;
      return resourceSelected(spec, type, entry.resource) && (ns === null || nsSelected(ns));
    });
    for (const selector of spec.labelSelectors) {
      const parsed = parseLabelSelector(selector);
      if (!candidates.some((entry) => matchesLabelSelector(parsed, entry.labels))) {
        warnings.push(`labelSelectors: '${selector}' selects nothing in the namespaces and types the restore selects`);
      }
    }
  }
  return warnings;
}
