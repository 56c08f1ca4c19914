import type { KubeObject } from '../KubeObject.ts';
import { recordOf } from '../recordOf.ts';

/**
 * Whether a PersistentVolume or a PersistentVolumeClaim of the target holds data someone uses: a claim bound
 * (or being bound) to a volume, a volume bound to a claim. Other kinds are never bound volumes.
 */
export function isBoundVolume(type: string, existing: KubeObject): boolean {
  const [spec, status] = [recordOf(existing.spec), recordOf(existing.status)];
  if (type === 'persistentvolumeclaims') return status?.phase === 'Bound' || Boolean(spec?.volumeName);
  if (type === 'persistentvolumes') return status?.phase === 'Bound' || Boolean(recordOf(spec?.claimRef)?.uid);
  return false;
}
