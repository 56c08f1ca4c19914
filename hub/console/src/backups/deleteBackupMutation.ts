import { defineOperation } from '../api/Operation.ts';
import { type BackupDetail, backupDetailFields } from './BackupDetail.ts';

/** Marks the backup Deleting and queues the removal of its data; asked again after a failure, retries now. */
export const deleteBackupMutation = defineOperation<{ deleteBackup: BackupDetail }, { id: string }>(`
  mutation DeleteBackup($id: ID!) { deleteBackup(id: $id) { ${backupDetailFields} } }
`);
