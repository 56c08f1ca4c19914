import type { ExistingResourcePolicy } from '#schema/contracts/RestoreSpec';
import { unreachable } from '#schema/contracts/unreachable';
import { isOwnRestoreObject } from '../actions/restoreLabelsAction.ts';
import type { KubeObject } from '../KubeObject.ts';
import type { RestorePlanItem } from '../RestorePlanItem.ts';
import { immutableChange } from './immutableChange.ts';
import { isBoundVolume } from './isBoundVolume.ts';
import type { ItemDecision } from './ItemDecision.ts';
import { recordOf, recordsOf } from '../recordOf.ts';

/** Why a bound PersistentVolume or claim is never replaced. */
export const boundVolumeReason = 'a bound volume is never replaced; delete it yourself first if you mean to lose its data';

/** Why a claim that is not bound is not replaced either. */
export const claimReason =
  'a claim is never replaced (pods may be using it, and a StatefulSet recreates its claims at once); delete it yourself first if you mean to replace it';

/** Why a cluster-scoped object is updated where `replace` was asked for. */
export const clusterScopedReason =
  'a cluster-scoped object is never deleted by a restore (other namespaces may depend on it, as all custom objects do on their CRD): updated in place instead of replaced';

/**
 * The one decision of what a restore does with a planned item, used by the real run and the dry run alike:
 * `desired` is the item's object after the per-kind actions, `existing` the target's object of that name
 * (undefined when there is none), `restoreId` the restore's own id.
 *
 * - Nothing there: create.
 * - The restore's own object, made by an earlier attempt of it (`isOwnRestoreObject`): keep, recorded as created.
 * - `skip`: skip.
 * - `replace` never deletes what others' data depends on: a cluster-scoped object (a Namespace, a CRD, whose
 *   deletion deletes every custom object of its type in the cluster, a StorageClass, a ClusterRole…) is
 *   updated instead, and a bound PersistentVolume or any claim is refused. A Job that has not finished is left alone;
 *   a finished one is replaced.
 * - `update` (and `replace` turned update) skips, with the reason, a bound PersistentVolume and what the API
 *   server would refuse to change (`immutableChange`: a Job, a claim's spec, a sealed ConfigMap…).
 */
export function decideItem(
  item: RestorePlanItem,
  desired: KubeObject,
  existing: KubeObject | undefined,
  policy: ExistingResourcePolicy,
  restoreId: string,
): ItemDecision {
  if (existing === undefined) return { action: 'create' };
  if (isOwnRestoreObject(existing, restoreId)) {
    return { action: 'keep', uid: existing.metadata.uid ?? '' };
  }
  switch (policy) {
    case 'skip':
      return { action: 'skip', reason: 'it exists in the target (existingResourcePolicy: skip)' };
    case 'replace':
      if (isBoundVolume(item.type, existing)) return { action: 'skip', reason: boundVolumeReason };
      if (item.type === 'persistentvolumeclaims') return { action: 'skip', reason: claimReason };
      if (item.targetNamespace === null) return updateOf(item, desired, existing, clusterScopedReason);
      if (item.type === 'jobs.batch' && !isFinishedJob(existing)) {
        return { action: 'skip', reason: 'the Job has not finished in the target; a restore does not interrupt it' };
      }
      return { action: 'replace' };
    case 'update':
      return updateOf(item, desired, existing);
    default:
      return unreachable(policy);
  }
}

function updateOf(item: RestorePlanItem, desired: KubeObject, existing: KubeObject, note?: string): ItemDecision {
  if (item.type === 'persistentvolumes' && isBoundVolume(item.type, existing)) {
    return { action: 'skip', reason: 'a bound PersistentVolume is never changed by a restore; the target\'s volume is kept' };
  }
  const immutable = immutableChange(item.type, desired, existing);
  if (immutable !== undefined) return { action: 'skip', reason: `${immutable}; the target's object is kept` };
  return note === undefined ? { action: 'update' } : { action: 'update', note };
}

/** A Job whose Complete or Failed condition holds: its pods are done, so recreating it interrupts nothing. */
function isFinishedJob(job: KubeObject): boolean {
  const conditions = recordsOf(recordOf(job.status)?.conditions);
  return conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}
