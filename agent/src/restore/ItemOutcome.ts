/** Which object an outcome is about, on the target side. */
export interface ItemRef {
  /** `kubectl api-resources` name (`configmaps`, `deployments.apps`). */
  type: string;
  /** Target namespace; null for cluster-scoped objects. */
  namespace: string | null;
  name: string;
}

/** What the restore did with one item: partial failure is data, one of these per planned item. */
export type ItemOutcome = ItemRef &
  (
    | { result: 'created'; uid: string }
    | { result: 'updated'; uid: string }
    | { result: 'skipped'; reason: string }
    | { result: 'failed'; error: string }
  );

/** `deployments.apps shop/web`, `namespaces shop`, for messages. */
export function describeItem(ref: ItemRef): string {
  return `${ref.type} ${ref.namespace === null ? '' : `${ref.namespace}/`}${ref.name}`;
}
