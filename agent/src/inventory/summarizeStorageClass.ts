import type { V1StorageClass } from '@kubernetes/client-node';
import type { StorageClassFact } from '#schema/agent/ClusterInventory';

// Kubernetes still honours the beta annotation when it picks the default class, so the agent does too.
const defaultClassAnnotations = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/** A StorageClass as cluster facts report it; the default is marked by annotation, not by a field. */
export function summarizeStorageClass(storageClass: V1StorageClass): StorageClassFact {
  const annotations = storageClass.metadata?.annotations ?? {};
  return {
    name: storageClass.metadata?.name ?? '',
    provisioner: storageClass.provisioner ?? '',
    isDefault: defaultClassAnnotations.some((key) => annotations[key] === 'true'),
  };
}
