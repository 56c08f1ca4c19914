import { setTimeout as sleep } from 'node:timers/promises';
import type { ExistingResourcePolicy } from '../../../schema/spec/RestoreSpec.ts';
import { unreachable } from '../../../schema/spec/unreachable.ts';
import { describeKubeError, kubeStatusOf } from '../kube/KubeJsonClient.ts';
import { apiPathOf } from './apiPathOf.ts';
import type { ItemOutcome, ItemRef } from './ItemOutcome.ts';
import type { KubeObject } from './KubeObject.ts';
import type { KubeWrite } from '../kube/KubeWriter.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';

/** How long `replace` waits for the deleted object to be gone (finalizers may hold it) before failing it. */
const deleteTimeoutMs = 60_000;

/**
 * Creates `object` (the item after its actions) in the target. When it exists already, the policy decides:
 * `skip` leaves the target's object and records why; `update` replaces it in place (PUT carrying the target's
 * `resourceVersion`, so a concurrent change fails the item instead of being overwritten unseen; the server
 * keeps allocated fields such as a Service's cluster IP); `replace` deletes it, waits until it is gone, and
 * creates it anew. A Namespace is never deleted by `replace` (that would delete everything in it): it is
 * updated instead.
 *
 * Never throws for a Kubernetes error: the outcome records it as `failed` with the server's message.
 */
export async function applyItem(
  kube: KubeWrite,
  item: RestorePlanItem,
  object: KubeObject,
  policy: ExistingResourcePolicy,
  signal?: AbortSignal,
): Promise<ItemOutcome> {
  const ref: ItemRef = { type: item.type, namespace: item.targetNamespace, name: object.metadata.name };
  const collection = apiPathOf(item.entry, item.targetNamespace);
  const path = apiPathOf(item.entry, item.targetNamespace, object.metadata.name);
  try {
    const created = await create(kube, collection, object);
    if (created) return { ...ref, result: 'created', uid: created };
    const effective = policy === 'replace' && item.type === 'namespaces' ? 'update' : policy;
    switch (effective) {
      case 'skip':
        return { ...ref, result: 'skipped', reason: 'it exists in the target (existingResourcePolicy: skip)' };
      case 'update': {
        const current = await kube.get<KubeObject>(path);
        const updated = structuredClone(object);
        updated.metadata.resourceVersion = current.metadata.resourceVersion;
        const answer = await kube.send<KubeObject>('PUT', path, updated);
        return { ...ref, result: 'updated', uid: answer.metadata.uid ?? '' };
      }
      case 'replace': {
        await kube.send('DELETE', path, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' });
        await waitUntilGone(kube, path, signal);
        const uid = await create(kube, collection, object);
        if (uid === undefined) {
          return { ...ref, result: 'failed', error: 'recreated by someone else while being replaced' };
        }
        return { ...ref, result: 'created', uid };
      }
      default:
        return unreachable(effective);
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ...ref, result: 'failed', error: describeKubeError(error) };
  }
}

/** POSTs the object; its new uid, or undefined when an object of that name exists (409 AlreadyExists). */
async function create(kube: KubeWrite, collection: string, object: KubeObject): Promise<string | undefined> {
  try {
    const answer = await kube.send<KubeObject>('POST', collection, object);
    return answer.metadata.uid ?? '';
  } catch (error) {
    if (kubeStatusOf(error) === 409) return undefined;
    throw error;
  }
}

async function waitUntilGone(kube: KubeWrite, path: string, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + deleteTimeoutMs;
  for (;;) {
    try {
      await kube.get(path);
    } catch (error) {
      if (kubeStatusOf(error) === 404) return;
      throw error;
    }
    if (Date.now() > deadline) {
      throw new Error(`still present ${deleteTimeoutMs / 1000}s after its deletion (finalizers?)`);
    }
    await sleep(250, undefined, { signal });
  }
}
