import type { RestoreAction } from './RestoreAction.ts';

/** The labels naming the backup and the restore an object came from, added to every restored object. */
export const restoreLabelKeys = { backup: 'fleetback.io/backup', restore: 'fleetback.io/restore' } as const;

/**
 * Labels every restored object with the backup and the restore it came from, so a restore can be found (and
 * undone) with a label selector. Ids longer than a label value allows (63) are cut; they stay unique in
 * practice, since hub ids are far shorter.
 */
export const restoreLabelsAction: RestoreAction = (object, _item, { backupId, restoreId }) => {
  object.metadata.labels = {
    ...object.metadata.labels,
    [restoreLabelKeys.backup]: labelValue(backupId),
    [restoreLabelKeys.restore]: labelValue(restoreId),
  };
  return { object };
};

/** A valid label value: at most 63 characters of `[A-Za-z0-9._-]`, starting and ending alphanumeric. */
function labelValue(id: string): string {
  return id
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}
