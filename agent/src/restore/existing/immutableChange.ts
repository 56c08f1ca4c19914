import type { KubeObject } from '../KubeObject.ts';

/** Why an update of the target's object would be refused for an immutable field; undefined when it would not. */
type ImmutableRule = (desired: KubeObject, existing: KubeObject) => string | undefined;

/** A rule refusing any update of a kind the API server does not let change once created. */
const never =
  (why: string): ImmutableRule =>
  () =>
    why;

/** A rule naming the fields at `paths` (dotted, from the object's root) that differ and cannot change. */
const fields =
  (...paths: string[]): ImmutableRule =>
  (desired, existing) => {
    const changed = paths.filter((path) => !sameJson(at(desired, path), at(existing, path)));
    return changed.length === 0 ? undefined : `${changed.join(', ')} cannot change once created and ${verb(changed)} from the backup's`;
  };

/** An `immutable: true` ConfigMap or Secret takes no change to its data (or type). */
const sealed =
  (...paths: string[]): ImmutableRule =>
  (desired, existing) => {
    if (existing.immutable !== true) return undefined;
    const changed = paths.filter((path) => !sameJson(at(desired, path), at(existing, path)));
    return changed.length === 0 ? undefined : `it is immutable in the target (immutable: true) and its ${changed.join(', ')} ${verb(changed)} from the backup's`;
  };

const selector = fields('spec.selector');

/**
 * The update the API server refuses (HTTP 422, "field is immutable"), by type: a restore under `update` skips
 * such an object with the reason instead of failing on it. Kinds not listed take any update.
 */
const rules: Readonly<Record<string, ImmutableRule>> = {
  'jobs.batch': never(
    "a Job's selector and pod template cannot change once created (existingResourcePolicy: replace recreates a finished Job)",
  ),
  pods: never("a Pod's spec cannot change once created (its controller, if restored, recreates it)"),
  persistentvolumeclaims: never("a PersistentVolumeClaim's spec cannot change once created"),
  persistentvolumes: (desired, existing) => {
    // Everything but these is the volume source, fixed at creation.
    const mutable = ['claimRef', 'persistentVolumeReclaimPolicy', 'mountOptions', 'capacity', 'accessModes', 'storageClassName', 'volumeAttributesClassName'];
    const source = (o: KubeObject) =>
      Object.fromEntries(Object.entries((o.spec ?? {}) as Record<string, unknown>).filter(([key]) => !mutable.includes(key)));
    return sameJson(source(desired), source(existing)) ? undefined : "a PersistentVolume's volume source cannot change once created and differs from the backup's";
  },
  configmaps: sealed('data', 'binaryData'),
  secrets: sealed('data', 'type'),
  'deployments.apps': selector,
  'replicasets.apps': selector,
  'daemonsets.apps': selector,
  'statefulsets.apps': fields('spec.selector', 'spec.serviceName', 'spec.podManagementPolicy', 'spec.volumeClaimTemplates'),
  services: (desired, existing) => {
    const headless = (o: KubeObject) => (o.spec as { clusterIP?: string } | undefined)?.clusterIP === 'None';
    return headless(desired) === headless(existing) ? undefined : 'a headless Service cannot get a cluster IP, nor the other way round';
  },
  'rolebindings.rbac.authorization.k8s.io': fields('roleRef'),
  'clusterrolebindings.rbac.authorization.k8s.io': fields('roleRef'),
  'storageclasses.storage.k8s.io': fields('provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode'),
  'priorityclasses.scheduling.k8s.io': fields('value', 'preemptionPolicy'),
  'customresourcedefinitions.apiextensions.k8s.io': fields('spec.scope'),
};

/**
 * Why updating the target's `existing` object of `type` to `desired` would change a field the API server
 * keeps immutable; undefined when the update can go through (as far as the common kinds' rules know).
 */
export function immutableChange(type: string, desired: KubeObject, existing: KubeObject): string | undefined {
  return rules[type]?.(desired, existing);
}

function verb(changed: readonly string[]): string {
  return changed.length === 1 ? 'differs' : 'differ';
}

function at(object: unknown, path: string): unknown {
  let value = object;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Equal as JSON values, whatever the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
