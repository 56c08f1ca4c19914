import type {
  NamespaceInventory,
  PvcSummary,
  WorkloadSummary,
} from '#schema/agent/ClusterInventory';
import type { KindCache, SummaryCache } from './CachedSummary.ts';
import { compareText } from './compareText.ts';

/** The caches a namespace's inventory is assembled from. */
export interface NamespaceSources {
  /** Namespaces, summarized to their labels. */
  namespaces: SummaryCache<Record<string, string>>;
  workloads: readonly KindCache<WorkloadSummary>[];
  persistentVolumeClaims: KindCache<PvcSummary>;
  /** Kinds that are only counted. */
  counted: readonly KindCache<unknown>[];
}

/**
 * The inventory of one namespace as it stands in the caches, or undefined when the namespace does not exist
 * (objects can outlive their namespace in the caches by a moment while deletions arrive). Workloads are
 * sorted by kind then name and claims by name, so the same state always gives the same value.
 */
export function namespaceInventoryOf(
  name: string,
  sources: NamespaceSources,
): NamespaceInventory | undefined {
  const namespace = sources.namespaces.get(name);
  if (!namespace) return undefined;

  const counts: [string, number][] = [];
  const summariesOf = <S>(cache: KindCache<S>): S[] => {
    const cached = cache.list(name);
    if (cached.length > 0) counts.push([cache.kind, cached.length]);
    return cached.map((c) => c.summary);
  };
  const workloads = sources.workloads
    .flatMap(summariesOf)
    .sort((a, b) => compareText(a.kind, b.kind) || compareText(a.name, b.name));
  const persistentVolumeClaims = summariesOf(sources.persistentVolumeClaims).sort((a, b) =>
    compareText(a.name, b.name),
  );
  for (const cache of sources.counted) summariesOf(cache);

  return {
    name,
    labels: { ...namespace.summary },
    workloads,
    persistentVolumeClaims,
    countsByKind: Object.fromEntries(counts.sort(([a], [b]) => compareText(a, b))),
  };
}
