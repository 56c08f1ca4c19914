import { type ApiResourceType, qualifiedResourceName } from '../kube/ApiResourceType.ts';
import type { KubeObject } from './cleanItem.ts';

/** A cluster-scoped object a selected object needs in order to work after a restore. */
export interface ClusterObjectRef {
  /** Its type by `kubectl api-resources` name: `persistentvolumes`, `storageclasses.storage.k8s.io`. */
  resource: string;
  name: string;
  /**
   * True when the object may legitimately not exist: the CRD of a type is looked up by name, and built-in
   * API groups (`networking.k8s.io`) have none.
   */
  optional: boolean;
}

const storageClasses = 'storageclasses.storage.k8s.io';
const legacyStorageClassAnnotation = 'volume.beta.kubernetes.io/storage-class';

/**
 * The cluster-scoped objects a namespaced or cluster-scoped object refers to, for `clusterScoped: auto`:
 * its Namespace; a PVC's bound PV and storage class; a PV's storage class; the ClusterRole a RoleBinding
 * grants; the PriorityClass and RuntimeClass of a pod or of any workload's pod template (found by shape, so
 * custom workloads count too); the storage classes of a StatefulSet's volume claim templates; the CRD of a
 * custom resource. Pure: reads only the object.
 */
export function clusterDependencies(type: ApiResourceType, object: KubeObject): ClusterObjectRef[] {
  const refs: ClusterObjectRef[] = [];
  const add = (resource: string, name: unknown, optional = false) => {
    if (typeof name === 'string' && name.length > 0) refs.push({ resource, name, optional });
  };
  const metadata = record(object.metadata);
  const spec = record(object.spec);
  add('namespaces', metadata.namespace);
  switch (qualifiedResourceName(type)) {
    case 'persistentvolumeclaims':
      add('persistentvolumes', spec.volumeName);
      add(storageClasses, storageClassOf(spec, metadata));
      break;
    case 'persistentvolumes':
      add(storageClasses, storageClassOf(spec, metadata));
      break;
    case 'rolebindings.rbac.authorization.k8s.io': {
      const roleRef = record(object.roleRef);
      if (roleRef.kind === 'ClusterRole') add('clusterroles.rbac.authorization.k8s.io', roleRef.name);
      break;
    }
  }
  const podSpecs = [
    type.group === '' && type.plural === 'pods' ? spec : undefined,
    record(record(spec.template).spec),
    record(record(record(record(spec.jobTemplate).spec).template).spec),
  ];
  for (const podSpec of podSpecs) {
    if (!podSpec) continue;
    add('priorityclasses.scheduling.k8s.io', podSpec.priorityClassName);
    add('runtimeclasses.node.k8s.io', podSpec.runtimeClassName);
  }
  if (Array.isArray(spec.volumeClaimTemplates)) {
    for (const template of spec.volumeClaimTemplates) {
      add(storageClasses, record(record(template).spec).storageClassName);
    }
  }
  // CRD groups must contain a dot, so the core group and `apps`, `batch`, … are never custom.
  if (type.group.includes('.')) {
    add('customresourcedefinitions.apiextensions.k8s.io', `${type.plural}.${type.group}`, true);
  }
  return refs;
}

/** `spec.storageClassName`, or the annotation that named the class before that field existed. */
function storageClassOf(spec: KubeObject, metadata: KubeObject): unknown {
  return spec.storageClassName ?? record(metadata.annotations)[legacyStorageClassAnnotation];
}

function record(value: unknown): KubeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as KubeObject) : {};
}
