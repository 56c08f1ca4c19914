import { plannedKey, type RestoreAction } from './RestoreAction.ts';
import { recordOf } from '../recordOf.ts';

/** Annotations recording how the source cluster's controller bound the claim. */
const bindingAnnotations = ['pv.kubernetes.io/bind-completed', 'pv.kubernetes.io/bound-by-controller'];

/**
 * PVCs: the storage class goes through `storageClassMapping`; the binding annotations of the source are
 * dropped so the target's controller binds afresh; `volumeName` is kept only when that PersistentVolume is
 * restored too (otherwise the claim would wait forever for a volume the target does not have).
 */
export const persistentVolumeClaimAction: RestoreAction = {
  appliesTo: { types: ['persistentvolumeclaims'] },
  run: (object, _item, { spec: restore, planned }) => {
    const annotations = object.metadata.annotations;
    if (annotations) for (const key of bindingAnnotations) delete annotations[key];
    const spec = recordOf(object.spec);
    if (!spec) return { object };
    if (typeof spec.storageClassName === 'string') {
      spec.storageClassName = restore.storageClassMapping[spec.storageClassName] ?? spec.storageClassName;
    }
    if (typeof spec.volumeName === 'string' && !planned.has(plannedKey('persistentvolumes', null, spec.volumeName))) {
      delete spec.volumeName;
    }
    return { object };
  },
};
