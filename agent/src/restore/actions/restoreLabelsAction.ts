import type { KubeObject } from '../KubeObject.ts';
import type { RestoreAction } from './RestoreAction.ts';

/** The labels naming the backup and the restore an object came from, added to every object a restore creates. */
export const restoreLabelKeys = { backup: 'fleetback.io/backup', restore: 'fleetback.io/restore' } as const;

/**
 * Labels every restored object with the backup and the restore it came from, so what a restore created can be
 * found (and undone) with a label selector. Ids longer than a label value allows (63) are cut; they stay
 * unique in practice, since hub ids are far shorter. An object the restore updates instead of creating keeps
 * the target's own values of these labels (`withTargetRestoreLabels`), so deleting by a restore's label never
 * deletes what existed before it.
 */
export const restoreLabelsAction: RestoreAction = (object, _item, { backupId, restoreId }) => {
  object.metadata.labels = {
    ...object.metadata.labels,
    [restoreLabelKeys.backup]: labelValue(backupId),
    [restoreLabelKeys.restore]: labelValue(restoreId),
  };
  return { object };
};

/** Whether the target's object was created by restore `restoreId` (it carries that restore's label). */
export function isOwnRestoreObject(existing: KubeObject, restoreId: string): boolean {
  return existing.metadata.labels?.[restoreLabelKeys.restore] === labelValue(restoreId);
}

/**
 * `desired` with the restore labels the target's `existing` object has (or none, when it has none) in place
 * of this restore's: an update is not a creation, and must not mark the object as this restore's.
 */
export function withTargetRestoreLabels(desired: KubeObject, existing: KubeObject): KubeObject {
  const labels = { ...desired.metadata.labels };
  for (const key of Object.values(restoreLabelKeys)) {
    const theirs = existing.metadata.labels?.[key];
    if (theirs === undefined) delete labels[key];
    else labels[key] = theirs;
  }
  const object = structuredClone(desired);
  if (Object.keys(labels).length > 0) object.metadata.labels = labels;
  else delete object.metadata.labels;
  return object;
}

/** A valid label value: at most 63 characters of `[A-Za-z0-9._-]`, starting and ending alphanumeric. */
function labelValue(id: string): string {
  return id
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}
