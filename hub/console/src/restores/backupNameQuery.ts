import { defineOperation } from '../api/Operation.ts';

/**
 * The name of a restore's backup. Asked on its own, because the backup may be gone (expired, deleted) while
 * its restores stay: then this fails with NOT_FOUND and the page shows the id instead.
 */
export const backupNameQuery = defineOperation<{ backup: { id: string; name: string } }, { id: string }>(
  'query RestoreBackupName($id: ID!) { backup(id: $id) { id name } }',
);
