import type { ClusterFacts, NamespaceInventory } from '#schema/agent/ClusterInventory';

/** A change to the namespace inventory, as the watcher delivers it. */
export interface NamespaceUpdate {
  /**
   * True when `upserted` is every namespace of the cluster and replaces whatever the receiver held; false
   * when only the namespaces named in `upserted` and `removed` changed.
   */
  full: boolean;
  /** Namespaces that appeared or changed, each complete (never a diff), sorted by name. */
  upserted: NamespaceInventory[];
  /** Names of namespaces that no longer exist, sorted; always empty when `full`. */
  removed: string[];
}

/**
 * Where an `InventoryWatcher` delivers the inventory: in the agent, the hub link, which forwards it as
 * `reportInventory`. Calls are synchronous and must not throw: a sink that cannot send right away queues
 * or drops the update, because the link sends the watcher's `snapshot()` again after every reconnect. A
 * throw is logged and the update counted as delivered.
 */
export interface InventorySink {
  /** The cluster facts; sent once at start and then only when they changed. */
  facts(facts: ClusterFacts): void;
  /** Namespace changes: one full update at start, then merged increments at most once per debounce period. */
  namespaces(update: NamespaceUpdate): void;
}
