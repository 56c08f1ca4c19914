import { ownerKey, type RestoreAction } from './RestoreAction.ts';

/**
 * Owner references (format v1 keeps them with the source uids): each is re-pointed at the owner restored by
 * this run (same API group, kind and name, in the object's target namespace). One whose owner this run
 * restores later in its order is left out for now and added once the owner exists (`deferOwnerReference`);
 * one whose owner is not restored here is dropped, since a reference to a uid that does not exist makes the
 * garbage collector delete the object.
 */
export const ownerReferencesAction: RestoreAction = {
  appliesTo: 'everyItem',
  run: (object, item, context) => {
    const references = object.metadata.ownerReferences;
    if (!references) return { object };
    const kept = [];
    for (const reference of references) {
      const key = ownerKey(reference.apiVersion, reference.kind, item.targetNamespace, reference.name);
      const uid = context.restoredUids.get(key);
      if (uid !== undefined) kept.push({ ...reference, uid });
      else if (context.plannedOwners.has(key)) context.deferOwnerReference(item, reference);
    }
    if (kept.length > 0) object.metadata.ownerReferences = kept;
    else delete object.metadata.ownerReferences;
    return { object };
  },
};
