/** Which object an outcome is about, on the target side. */
export interface ItemRef {
  /** `kubectl api-resources` name (`configmaps`, `deployments.apps`). */
  type: string;
  /** Target namespace; null for cluster-scoped objects. */
  namespace: string | null;
  name: string;
}

/**
 * What the restore did with one item: partial failure is data, one of these per planned item. A created or
 * updated item's `reason` says how, when not plainly (replaced, updated where `replace` was asked, created by
 * an earlier attempt of this restore). A dry run's outcomes say what a real run would do; their `uid` is
 * empty for objects a real run would create.
 */
export type ItemOutcome = ItemRef &
  (
    | { result: 'created'; uid: string; reason?: string }
    | { result: 'updated'; uid: string; reason?: string }
    | { result: 'skipped'; reason: string }
    | { result: 'failed'; error: string }
  );

/** `deployments.apps shop/web`, `namespaces shop`, for messages. */
export function describeItem(ref: ItemRef): string {
  return `${ref.type} ${ref.namespace === null ? '' : `${ref.namespace}/`}${ref.name}`;
}
