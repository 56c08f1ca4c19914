/** A Kubernetes object as parsed JSON: whatever the server sent, custom resources included. */
export type KubeObject = Record<string, unknown>;

/**
 * The `metadata` fields the API server fills in and a restore must not send back: identity and versioning
 * of the object in the source cluster, and bookkeeping the server rewrites anyway.
 */
export const cleanedMetadataFields = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
] as const;

/**
 * Removes the server-populated fields of an object before it is archived (format v1, documented in
 * `schema/format/README.md` under "Cleaned fields"): the `metadata` fields in `cleanedMetadataFields` and the
 * whole top-level `status`, of every kind. Status is what controllers observed in the source cluster; the
 * target cluster's controllers recompute it, and no kind keeps it in format v1.
 *
 * Deliberately kept:
 * - `ownerReferences`, uid included: the restore re-points each at the restored owner (found by kind and
 *   name, since owners get new uids) or drops it when the owner is not restored; the old uid documents
 *   which object it was.
 * - a Service's `managedFields`: they tell the node ports a user set from those the source allocated, which
 *   the restore's `serviceAction` reads (and then drops).
 * - the `kubectl.kubernetes.io/last-applied-configuration` annotation: without it, `kubectl apply` after a
 *   restore no longer prunes fields removed from the manifests.
 * - everything kind-specific (a Service's cluster IP, a pod's node): fix-ups belong to restore actions,
 *   which know the target cluster; the archive records the source faithfully.
 *
 * Pure: returns a cleaned copy and never changes `object`.
 */
export function cleanItem(object: KubeObject): KubeObject {
  const { status: _status, ...rest } = object;
  const metadata = rest.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return structuredClone(rest);
  const keptMetadata: KubeObject = { ...(metadata as KubeObject) };
  const keepsManagedFields = rest.apiVersion === 'v1' && rest.kind === 'Service';
  for (const field of cleanedMetadataFields) {
    if (!(field === 'managedFields' && keepsManagedFields)) delete keptMetadata[field];
  }
  return structuredClone({ ...rest, metadata: keptMetadata });
}
