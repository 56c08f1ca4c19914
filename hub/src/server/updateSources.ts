import { BackupEntity } from '../backups/BackupEntity.ts';
import { updateSource } from '../graphql/updateSource.ts';
import { JobEntity } from '../jobs/JobEntity.ts';
import { RestoreEntity } from '../restores/RestoreEntity.ts';
import { RestoreItemEntity } from '../restores/RestoreItemEntity.ts';

/**
 * The entities whose committed changes the `…Updated` subscriptions hear of. A subscriber reloads the object
 * by id through its own scoped entity manager, so a line here decides when an event is sent, never what it
 * shows or to whom.
 */
export const updateSources = [
  updateSource(BackupEntity, 'backupUpdated', 'id'),
  updateSource(RestoreEntity, 'restoreUpdated', 'id'),
  // A restore's items are part of the restore a subscriber reloads.
  updateSource(RestoreItemEntity, 'restoreUpdated', 'restoreId'),
  updateSource(JobEntity, 'jobUpdated', 'id'),
];
