import type { KubeObject } from '../KubeObject.ts';

interface VolumeFields {
  spec?: { volumeName?: string; claimRef?: { uid?: string; namespace?: string; name?: string } };
  status?: { phase?: string };
}

/**
 * Whether a PersistentVolume or a PersistentVolumeClaim of the target holds data someone uses: a claim bound
 * (or being bound) to a volume, a volume bound to a claim. Other kinds are never bound volumes.
 */
export function isBoundVolume(type: string, existing: KubeObject): boolean {
  const { spec, status } = existing as VolumeFields;
  if (type === 'persistentvolumeclaims') return status?.phase === 'Bound' || Boolean(spec?.volumeName);
  if (type === 'persistentvolumes') return status?.phase === 'Bound' || Boolean(spec?.claimRef?.uid);
  return false;
}
