import type {
  ClusterFacts,
  StorageClassFact,
  VolumeSnapshotClassFact,
} from '#schema/agent/ClusterInventory';
import type { SummaryCache } from './CachedSummary.ts';
import { compareText } from './compareText.ts';

/** The cluster-scoped caches facts are read from. */
export interface FactSources {
  nodes: SummaryCache<unknown>;
  storageClasses: SummaryCache<StorageClassFact>;
  csiDrivers: SummaryCache<unknown>;
  /** Absent when the cluster did not serve VolumeSnapshotClasses when the watcher started. */
  volumeSnapshotClasses?: SummaryCache<VolumeSnapshotClassFact>;
}

/** The cluster's facts as they stand in the caches, lists sorted by name so equal facts are equal values. */
export function collectFacts(kubernetesVersion: string, sources: FactSources): ClusterFacts {
  const byName = (a: { name: string }, b: { name: string }) => compareText(a.name, b.name);
  return {
    kubernetesVersion,
    nodeCount: sources.nodes.list().length,
    storageClasses: sources.storageClasses.list().map((c) => c.summary).sort(byName),
    csiDrivers: sources.csiDrivers.list().map((d) => d.metadata.name).sort(compareText),
    volumeSnapshotClasses: (sources.volumeSnapshotClasses?.list() ?? []).map((c) => c.summary).sort(byName),
  };
}
