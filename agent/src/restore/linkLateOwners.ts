import { describeKubeError } from '../kube/KubeJsonClient.ts';
import type { KubeWrite } from '../kube/KubeWriter.ts';
import { ownerKey, type OwnerReference } from './actions/RestoreAction.ts';
import { apiPathOf } from './apiPathOf.ts';
import type { ItemOutcome } from './ItemOutcome.ts';
import type { KubeObject } from './KubeObject.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';

/** Owner references left out of restored objects because their owners came later in the restore order. */
export type LateOwners = Map<RestorePlanItem, OwnerReference[]>;

/**
 * Adds each deferred owner reference to its restored object now that the restore has run, re-pointed at the
 * owner's uid in the target (`restoredUids`, by `ownerKey`); references whose owner did not get restored stay
 * out. The object is read and written back with its `resourceVersion`, so a concurrent change fails the
 * update instead of being lost. Returns a `failed` outcome for each object that could not be updated: it was
 * restored, but without its owner.
 */
export async function linkLateOwners(
  kube: KubeWrite,
  late: LateOwners,
  restoredUids: ReadonlyMap<string, string>,
): Promise<ItemOutcome[]> {
  const failures: ItemOutcome[] = [];
  for (const [item, references] of late) {
    const resolved = references.flatMap((reference) => {
      const uid = restoredUids.get(ownerKey(reference.apiVersion, reference.kind, item.targetNamespace, reference.name));
      return uid === undefined ? [] : [{ ...reference, uid }];
    });
    if (resolved.length === 0) continue;
    const path = apiPathOf(item.entry, item.targetNamespace, item.name);
    try {
      const current = await kube.get<KubeObject>(path);
      const present = current.metadata.ownerReferences ?? [];
      const added = resolved.filter((r) => !present.some((p) => p.uid === r.uid));
      if (added.length === 0) continue;
      current.metadata.ownerReferences = [...present, ...added];
      await kube.send('PUT', path, current);
    } catch (error) {
      const owners = resolved.map((r) => `${r.kind} ${r.name}`).join(', ');
      failures.push({
        type: item.type,
        namespace: item.targetNamespace,
        name: item.name,
        result: 'failed',
        error: `restored, but its owner reference to ${owners} could not be added: ${describeKubeError(error)}`,
      });
    }
  }
  return failures;
}
