import { defineOperation } from '../api/Operation.ts';
import { type BackupListItem, backupListFields } from './BackupListItem.ts';

/** A backup each time it changes: what a list row shows (its progress, phase, result, deletion). */
export const backupUpdatedSubscription = defineOperation<{ backupUpdated: BackupListItem }, { id: string }>(`
  subscription BackupUpdated($id: ID!) { backupUpdated(id: $id) { ${backupListFields} } }
`);
