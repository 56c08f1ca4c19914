import { type MappingRow, mappingRow } from './MappingRow.ts';
import type { RestoreChoices } from './RestoreChoices.ts';
import type { RestoreSpecData } from './RestoreData.ts';

/**
 * The wizard's form filled in with an earlier restore's choices (to run it again, or for real after a dry
 * run seen on its own page). Excluded types the backup lists become cleared boxes; the rest stay as text.
 * The backup's literal namespaces keep a row each, so the mapping reads the same as in a fresh form.
 */
export function choicesFromSpec(
  spec: RestoreSpecData,
  targetClusterId: string,
  backupKinds: readonly string[],
  backupIncludeNamespaces: readonly string[],
): RestoreChoices {
  const mapped = new Map(spec.namespaceMapping.map((m) => [m.from, m.to]));
  const rows: MappingRow[] = backupIncludeNamespaces
    .filter((ns) => !ns.includes('*'))
    .map((ns) => mappingRow(ns, mapped.get(ns) ?? ''));
  for (const { from, to } of spec.namespaceMapping) {
    if (!rows.some((row) => row.from === from)) rows.push(mappingRow(from, to));
  }
  const storageRows = spec.storageClassMapping.map((m) => mappingRow(m.from, m.to));
  return {
    targetClusterId,
    includeNamespaces: spec.includeNamespaces.join(', '),
    excludeNamespaces: spec.excludeNamespaces.join(', '),
    namespaceMapping: rows.length > 0 ? rows : [mappingRow()],
    excludedKinds: spec.excludeResources.filter((type) => backupKinds.includes(type)),
    includeResources: spec.includeResources.join(', '),
    excludeResources: spec.excludeResources.filter((type) => !backupKinds.includes(type)).join(', '),
    labelSelectors: spec.labelSelectors.join('\n'),
    existingResourcePolicy: spec.existingResourcePolicy,
    clusterScoped: spec.clusterScoped,
    storageClassMapping: storageRows.length > 0 ? storageRows : [mappingRow()],
  };
}
