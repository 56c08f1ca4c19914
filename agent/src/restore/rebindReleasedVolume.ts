import type { KubeWrite } from '../kube/KubeWriter.ts';
import { unreachable } from '#schema/contracts/unreachable';
import { describeKubeError, isNotFound } from '../kube/KubeJsonClient.ts';
import { apiPathOf } from './apiPathOf.ts';
import { claimVolumeVerdict } from './claimVolumeVerdict.ts';
import type { KubeObject } from './KubeObject.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';
import { recordOf } from './recordOf.ts';

/**
 * Run before a claim is applied: makes the PersistentVolume it names (`spec.volumeName`, which the claim keeps
 * only when the restore also restores that volume) bindable by the claim about to be created, or says why the
 * claim could never bind. Disaster recovery into the same cluster is the case it exists for: the namespace was
 * deleted, its `Retain` volume survived as `Released` and still names the deleted claim's uid, so a restored
 * claim would stay Pending forever. Its `claimRef` is re-pointed at the restored claim without uid or
 * resourceVersion (namespace and name kept, so no other claim can take it); the PUT carries the volume's
 * resourceVersion, so a concurrent change fails the claim rather than being overwritten.
 *
 * Resolves to undefined when the claim may be applied (also when it is not a claim naming a volume, or when it
 * exists in the target already: the existing-resource policy decides then), or to the reason it must fail
 * (a Kubernetes error's message among them). Never rejects. A dry run judges the same way and changes nothing,
 * so its outcome for the claim is the real run's.
 */
export async function rebindReleasedVolume(
  kube: KubeWrite,
  item: RestorePlanItem,
  claim: KubeObject,
  dryRun = false,
): Promise<string | undefined> {
  const volumeName = recordOf(claim.spec)?.volumeName;
  if (item.type !== 'persistentvolumeclaims' || typeof volumeName !== 'string' || item.targetNamespace === null) {
    return undefined;
  }
  const { name } = claim.metadata;
  try {
    return await rebind(kube, item.targetNamespace, name, apiPathOf(item.entry, item.targetNamespace, name), volumeName, dryRun);
  } catch (error) {
    return `its PersistentVolume ${volumeName} could not be checked: ${describeKubeError(error)}`;
  }
}

async function rebind(
  kube: KubeWrite,
  namespace: string,
  name: string,
  claimPath: string,
  volumeName: string,
  dryRun: boolean,
): Promise<string | undefined> {
  try {
    await kube.get(claimPath);
    return undefined;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const judged = await claimVolumeVerdict(kube, namespace, name, volumeName);
  switch (judged.verdict) {
    case 'bindable':
      return undefined;
    case 'refuse':
      return judged.reason;
    case 'rebind': {
      if (dryRun) return undefined;
      const volume = structuredClone(judged.volume);
      volume.spec = { ...volume.spec, claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name } };
      await kube.send('PUT', `/api/v1/persistentvolumes/${encodeURIComponent(volumeName)}`, volume);
      return undefined;
    }
    default:
      return unreachable(judged);
  }
}
