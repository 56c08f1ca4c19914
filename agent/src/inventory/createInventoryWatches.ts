import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import type { pino } from 'pino';
import type { CachedSummary } from './CachedSummary.ts';
import type { FactSources } from './collectFacts.ts';
import { inventoryResources } from './inventoryResources.ts';
import type { NamespaceSources } from './namespaceInventoryOf.ts';
import type { ResourceSpec } from './ResourceSpec.ts';
import { ResourceWatch } from './ResourceWatch.ts';

/** The running informers of an inventory, readable as the sources of namespaces and facts. */
export interface InventoryWatches extends NamespaceSources, FactSources {
  /** Every informer, to start and stop them together. */
  all: readonly { start(): Promise<void>; stop(): Promise<void> }[];
}

export interface InventoryWatchesOptions {
  logger: pino.Logger;
  /** False when the cluster does not serve VolumeSnapshotClasses: that informer is then not created. */
  watchVolumeSnapshotClasses: boolean;
  /** An object in this namespace, or the namespace itself, was added, changed or deleted. */
  onNamespaceChange(namespace: string): void;
  /** A cluster-scoped object that facts are made of was added, changed or deleted. */
  onFactsChange(): void;
}

/** Creates, without starting them, one informer per kind the inventory watches. */
export function createInventoryWatches(
  kubeConfig: KubeConfig,
  options: InventoryWatchesOptions,
): InventoryWatches {
  const resources = inventoryResources(kubeConfig);
  const all: InventoryWatches['all'][number][] = [];
  const watch = <T extends KubernetesObject, S>(
    spec: ResourceSpec<T, S>,
    onChange: (object: CachedSummary<S>) => void,
  ): ResourceWatch<T, S> => {
    const created = new ResourceWatch(kubeConfig, spec, { logger: options.logger, onChange });
    all.push(created);
    return created;
  };
  const inNamespace = (object: CachedSummary<unknown>) => {
    if (object.metadata.namespace) options.onNamespaceChange(object.metadata.namespace);
  };
  const facts = () => options.onFactsChange();

  return {
    namespaces: watch(resources.namespaces, (ns) => options.onNamespaceChange(ns.metadata.name)),
    workloads: resources.workloads.map((spec) => watch(spec, inNamespace)),
    persistentVolumeClaims: watch(resources.persistentVolumeClaims, inNamespace),
    counted: resources.counted.map((spec) => watch(spec, inNamespace)),
    nodes: watch(resources.nodes, facts),
    storageClasses: watch(resources.storageClasses, facts),
    csiDrivers: watch(resources.csiDrivers, facts),
    volumeSnapshotClasses: options.watchVolumeSnapshotClasses
      ? watch(resources.volumeSnapshotClasses, facts)
      : undefined,
    all,
  };
}
