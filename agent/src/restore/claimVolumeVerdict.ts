import { isNotFound } from '../kube/KubeJsonClient.ts';
import type { KubeJson } from '../kube/KubeJsonClient.ts';
import type { KubeObject } from './KubeObject.ts';

/** The PersistentVolume fields the verdict reads. */
export interface VolumeObject extends KubeObject {
  spec?: {
    claimRef?: { apiVersion?: string; kind?: string; namespace?: string; name?: string; uid?: string; resourceVersion?: string };
    persistentVolumeReclaimPolicy?: string;
  };
  status?: { phase?: string };
}

/**
 * Whether a restored claim can bind to the PersistentVolume it names:
 * - `bindable`: the volume is free or already reserved for exactly this claim, nothing to do;
 * - `rebind`: the volume still names a claim that no longer exists (a namespace deleted and restored: the
 *   volume is `Released` and keeps the deleted claim's uid, which no new claim can ever match). Its `claimRef`
 *   must be re-pointed at this claim without uid, so that only this claim can bind to it;
 * - `refuse`: the claim could never bind, for the reason given (what a person can do about it included).
 */
export type ClaimVolumeVerdict =
  | { verdict: 'bindable' }
  | { verdict: 'rebind'; volume: VolumeObject }
  | { verdict: 'refuse'; reason: string };

/**
 * Judges whether the claim `namespace/name`, about to be created in the target and naming PersistentVolume
 * `volumeName` (which the restore also restores), can bind to it, reading the volume and the claim it names in
 * the target, where the claim does not exist yet. Only reads. A volume naming a claim that exists is refused, never taken: it serves that claim
 * (a second copy of an application in the same cluster needs a volume of its own). A released volume whose
 * reclaim policy is not `Retain` is refused too: its data is being deleted or scrubbed. Kubernetes errors other
 * than 404 are thrown.
 */
export async function claimVolumeVerdict(
  kube: KubeJson,
  namespace: string,
  name: string,
  volumeName: string,
): Promise<ClaimVolumeVerdict> {
  const volume = await getOrUndefined<VolumeObject>(kube, `/api/v1/persistentvolumes/${encodeURIComponent(volumeName)}`);
  const own = `PersistentVolume ${volumeName}`;
  const withoutVolume =
    'restore the claim without its PersistentVolume (exclude persistentvolumes) to have one provisioned from its storage class, or create a volume for it';
  if (volume === undefined) {
    return { verdict: 'refuse', reason: `${own} is not in the target (see its own item): ${withoutVolume}` };
  }
  if (volume.metadata.deletionTimestamp) {
    return { verdict: 'refuse', reason: `${own} is being deleted in the target: ${withoutVolume}` };
  }
  const claimRef = volume.spec?.claimRef;
  if (!claimRef) return { verdict: 'bindable' };
  const ours = claimRef.namespace === namespace && claimRef.name === name;
  const named = `${claimRef.namespace ?? ''}/${claimRef.name ?? ''}`;
  if (!claimRef.uid) {
    return ours
      ? { verdict: 'bindable' }
      : { verdict: 'refuse', reason: `${own} is reserved for claim ${named} in the target: ${withoutVolume}` };
  }
  const holder = claimRef.namespace && claimRef.name
    ? await getOrUndefined<KubeObject>(
      kube,
      `/api/v1/namespaces/${encodeURIComponent(claimRef.namespace)}/persistentvolumeclaims/${encodeURIComponent(claimRef.name)}`,
    )
    : undefined;
  // A claim of that name that exists, even with another uid, is one a person made for this volume: not taken.
  if (holder !== undefined) {
    return {
      verdict: 'refuse',
      reason: `${own} is bound to claim ${named} in the target, and a volume serves one claim: ${withoutVolume}`,
    };
  }
  const policy = volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
  if (policy !== 'Retain') {
    return {
      verdict: 'refuse',
      reason: `${own} was released by its deleted claim ${named} and its reclaim policy ${policy} is removing its data: ${withoutVolume}`,
    };
  }
  if (volume.status?.phase === 'Failed') {
    return { verdict: 'refuse', reason: `${own} is Failed in the target (its reclamation failed): ${withoutVolume}` };
  }
  return { verdict: 'rebind', volume };
}

async function getOrUndefined<T>(kube: KubeJson, path: string): Promise<T | undefined> {
  try {
    return await kube.get<T>(path);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
