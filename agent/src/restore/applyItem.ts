import { setTimeout as sleep } from 'node:timers/promises';
import type { ExistingResourcePolicy } from '#schema/contracts/RestoreSpec';
import { unreachable } from '#schema/contracts/unreachable';
import { describeKubeError, isConflict, isNotFound } from '../kube/KubeJsonClient.ts';
import type { KubeWrite } from '../kube/KubeWriter.ts';
import { withTargetRestoreLabels } from './actions/restoreLabelsAction.ts';
import { apiPathOf } from './apiPathOf.ts';
import { decideItem } from './existing/decideItem.ts';
import type { ItemOutcome, ItemRef } from './ItemOutcome.ts';
import type { KubeObject } from './KubeObject.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';

/** How long `replace` waits for the deleted object to be gone (finalizers may hold it) before failing it. */
const deleteTimeoutMs = 60_000;

/** How an item is applied: the spec's policy, the restore's id (its label), and whether this is a dry run. */
export interface ApplyOptions {
  policy: ExistingResourcePolicy;
  restoreId: string;
  /** Decide and report, but write nothing: an update is sent as a server-side dry run (`dryRun=All`). */
  dryRun: boolean;
  signal?: AbortSignal;
}

const replacedReason = "replaced: the target's object was deleted and created anew (existingResourcePolicy: replace)";
/** How an object an earlier attempt of the same restore created is recorded. */
export const keptReason = 'created by an earlier attempt of this restore';

/**
 * Applies `object` (the item after its actions) to the target as `decideItem` decides from the target's
 * current object of that name (read when the create is refused, so a new object costs one request): creates it; updates it in place (PUT carrying the target's `resourceVersion`,
 * so a concurrent change fails the item instead of being overwritten unseen, and with the target's own
 * restore labels, so an object the restore did not create is never marked as the restore's); replaces it
 * (deletes exactly the uid that was read, waits until it is gone, creates it anew); or skips it with the reason.
 * When an object appears between the read and the create, the decision is taken again on it.
 *
 * A dry run reads the same and decides the same, so its outcomes are the real run's, item by item; it sends
 * only updates, as server-side dry runs, so an update the server would refuse fails there too.
 *
 * Never throws for a Kubernetes error: the outcome records it as `failed` with the server's message.
 */
export async function applyItem(
  kube: KubeWrite,
  item: RestorePlanItem,
  object: KubeObject,
  options: ApplyOptions,
): Promise<ItemOutcome> {
  const ref: ItemRef = { type: item.type, namespace: item.targetNamespace, name: object.metadata.name };
  const collection = apiPathOf(item.entry, item.targetNamespace);
  const path = apiPathOf(item.entry, item.targetNamespace, object.metadata.name);
  const { dryRun, signal } = options;
  try {
    for (let round = 0; ; round++) {
      let existing: KubeObject | undefined;
      if (dryRun) {
        existing = await read(kube, path);
      } else {
        // Create first: most restored objects are new, and a create that succeeds needs no read (reading first
        // doubled the requests of a restore). Any refusal is judged against what the target holds, not by its
        // status: admission (a quota, the node port the existing object holds) refuses the create of an object
        // that exists with a 403 or a 422 before the API server reports the name taken.
        const attempt = await tryCreate(kube, collection, object);
        if ('uid' in attempt) return { ...ref, result: 'created', uid: attempt.uid };
        existing = await read(kube, path);
        if (existing === undefined) {
          if (!isConflict(attempt.error)) throw attempt.error;
          if (round > 0) return { ...ref, result: 'failed', error: 'it keeps being recreated and deleted by someone else' };
          continue;
        }
      }
      const decision = decideItem(item, object, existing, options.policy, options.restoreId);
      switch (decision.action) {
        case 'create': {
          if (dryRun) return { ...ref, result: 'created', uid: '' };
          const uid = await create(kube, collection, object);
          if (uid !== undefined) return { ...ref, result: 'created', uid };
          if (round > 0) return { ...ref, result: 'failed', error: 'it keeps being recreated by someone else' };
          continue;
        }
        case 'keep':
          return { ...ref, result: 'created', uid: decision.uid, reason: keptReason };
        case 'skip':
          return { ...ref, result: 'skipped', reason: decision.reason };
        case 'update': {
          const current = existing as KubeObject;
          const updated = withTargetRestoreLabels(object, current);
          updated.metadata.resourceVersion = current.metadata.resourceVersion;
          const answer = await kube.send<KubeObject>('PUT', dryRun ? `${path}?dryRun=All` : path, updated);
          const uid = answer.metadata.uid ?? current.metadata.uid ?? '';
          return decision.note === undefined
            ? { ...ref, result: 'updated', uid }
            : { ...ref, result: 'updated', uid, reason: decision.note };
        }
        case 'replace': {
          if (dryRun) return { ...ref, result: 'created', uid: '', reason: replacedReason };
          const preconditions = { uid: (existing as KubeObject).metadata.uid };
          await kube.send('DELETE', path, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background', preconditions });
          await waitUntilGone(kube, path, signal);
          const uid = await create(kube, collection, object);
          if (uid === undefined) {
            return { ...ref, result: 'failed', error: 'recreated by someone else while being replaced' };
          }
          return { ...ref, result: 'created', uid, reason: replacedReason };
        }
        default:
          return unreachable(decision);
      }
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ...ref, result: 'failed', error: describeKubeError(error) };
  }
}

/** The target's object at `path`, or undefined when there is none (404, its type too unknown there yet). */
async function read(kube: KubeWrite, path: string): Promise<KubeObject | undefined> {
  try {
    return await kube.get<KubeObject>(path);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** POSTs the object: its new uid, or the API server's refusal. */
async function tryCreate(
  kube: KubeWrite,
  collection: string,
  object: KubeObject,
): Promise<{ uid: string } | { error: unknown }> {
  try {
    const answer = await kube.send<KubeObject>('POST', collection, object);
    return { uid: answer.metadata.uid ?? '' };
  } catch (error) {
    return { error };
  }
}

/** POSTs the object; its new uid, or undefined when an object of that name exists (409 AlreadyExists). */
async function create(kube: KubeWrite, collection: string, object: KubeObject): Promise<string | undefined> {
  try {
    const answer = await kube.send<KubeObject>('POST', collection, object);
    return answer.metadata.uid ?? '';
  } catch (error) {
    if (isConflict(error)) return undefined;
    throw error;
  }
}

async function waitUntilGone(kube: KubeWrite, path: string, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + deleteTimeoutMs;
  for (;;) {
    if ((await read(kube, path)) === undefined) return;
    if (Date.now() > deadline) {
      throw new Error(`still present ${deleteTimeoutMs / 1000}s after its deletion (finalizers?)`);
    }
    await sleep(250, undefined, { signal });
  }
}
