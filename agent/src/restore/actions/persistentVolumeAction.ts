import { targetNamespaceOf } from '#schema/contracts/RestoreSpec';
import type { RestoreAction } from './RestoreAction.ts';
import { recordOf } from '../recordOf.ts';

/**
 * PersistentVolumes: the storage class goes through `storageClassMapping`, and a `claimRef` is re-pointed at
 * the claim's target namespace without the source claim's uid and resourceVersion, so the restored claim of
 * that name binds to it.
 */
export const persistentVolumeAction: RestoreAction = {
  appliesTo: { types: ['persistentvolumes'] },
  run: (object, _item, { spec: restore }) => {
    const spec = recordOf(object.spec);
    if (!spec) return { object };
    if (typeof spec.storageClassName === 'string') {
      spec.storageClassName = restore.storageClassMapping[spec.storageClassName] ?? spec.storageClassName;
    }
    const claimRef = recordOf(spec.claimRef);
    if (claimRef) {
      delete claimRef.uid;
      delete claimRef.resourceVersion;
      if (typeof claimRef.namespace === 'string') claimRef.namespace = targetNamespaceOf(restore, claimRef.namespace);
    }
    return { object };
  },
};
