import type { KubernetesObject } from '@kubernetes/client-node';

/**
 * What an inventory informer caches for one object: the identity the informer needs to track it (name,
 * namespace, resourceVersion) and the summary the inventory reports. Whole objects are summarized as they
 * arrive, so a cluster's Secrets, Pods and ConfigMaps never sit in the agent's memory.
 */
export interface CachedSummary<S> extends KubernetesObject {
  metadata: { name: string; namespace?: string; resourceVersion?: string };
  summary: S;
}

/** Read access to the summaries one informer holds; the informer's cache is the only copy. */
export interface SummaryCache<S> {
  /** One object by name; `namespace` is omitted for cluster-scoped kinds. */
  get(name: string, namespace?: string): CachedSummary<S> | undefined;
  /** Every cached object, or those of one namespace. */
  list(namespace?: string): readonly CachedSummary<S>[];
}

/** The summaries of one kind, which it names (e.g. `ConfigMap`, the key it is counted under). */
export interface KindCache<S> extends SummaryCache<S> {
  readonly kind: string;
}
