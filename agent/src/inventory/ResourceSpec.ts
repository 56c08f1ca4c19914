import type { KubernetesObject, V1ListMeta } from '@kubernetes/client-node';

/** One page of a list call, as every generated `list…` method and the custom-objects API return it. */
export interface ListPage<T> {
  metadata?: V1ListMeta;
  items: T[];
}

/**
 * Everything the inventory needs to list, watch and summarize one resource kind across the cluster. The
 * summary function runs on objects from list calls and on raw JSON from watch events alike, so it may only
 * read fields whose JSON and client-model shapes agree.
 */
export interface ResourceSpec<T extends KubernetesObject, S> {
  /** The Kubernetes kind, e.g. `ConfigMap`; also the key in `countsByKind`. */
  kind: string;
  /** The cluster-wide collection path to watch, e.g. `/api/v1/configmaps`. */
  path: string;
  /** Fetches one page of the cluster-wide list; called again with `_continue` until the list is complete. */
  listPage(page: { limit: number; _continue?: string }): Promise<ListPage<T>>;
  summarize(object: T): S;
}
