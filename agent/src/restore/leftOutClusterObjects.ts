import type { RestorePlanItem } from './RestorePlanItem.ts';

/**
 * The warning that `clusterScoped: auto` left cluster-scoped objects of the backup out of the restore, since
 * no restored object needs them, with how many of each type; undefined when it left none out. `candidates` is
 * the plan before the needs were known, `plan` the one applied.
 */
export function leftOutClusterObjects(
  candidates: readonly RestorePlanItem[],
  plan: readonly RestorePlanItem[],
): string | undefined {
  const kept = new Set(plan.map((item) => item.entry.path));
  const counts = new Map<string, number>();
  for (const item of candidates) {
    if (item.entry.namespace !== null || kept.has(item.entry.path)) continue;
    counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const byType = [...counts].map(([type, n]) => `${n} ${type}`).join(', ');
  return (
    `clusterScoped: auto restored only the cluster-scoped objects the restored objects need; ${total} more in ` +
    `the backup were left out (${byType}); clusterScoped: all restores them`
  );
}
