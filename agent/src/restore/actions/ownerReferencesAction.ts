import type { RestoreAction } from './RestoreAction.ts';

/**
 * Owner references (format v1 keeps them with the source uids): each is re-pointed at the owner restored by
 * this run (same apiVersion, kind and name, in the object's target namespace), or dropped when the owner was
 * not restored here, since a reference to a uid that does not exist makes the garbage collector delete the
 * object. Restore order puts owners (workloads) before what they own.
 */
export const ownerReferencesAction: RestoreAction = (object, item, { restoredUids }) => {
  const references = object.metadata.ownerReferences;
  if (!references) return { object };
  const kept = [];
  for (const reference of references) {
    const { apiVersion, kind, name } = reference;
    const uid = restoredUids.get(`${apiVersion}/${kind}/${item.targetNamespace ?? ''}/${name}`);
    if (uid !== undefined) kept.push({ ...reference, uid });
  }
  if (kept.length > 0) object.metadata.ownerReferences = kept;
  else delete object.metadata.ownerReferences;
  return { object };
};
