import { backupJob } from '../backups/backupJob.ts';
import { deleteBackupJob } from '../backups/deleteBackupJob.ts';
import { rebuildCatalogJob } from '../backups/rebuildCatalogJob.ts';
import type { JobKindHandlers } from '../jobs/JobKindHandler.ts';
import { validateLocationJob } from '../locations/validateLocationJob.ts';
import { rotateRepositoryKeyJob } from '../locations/rotateRepositoryKeyJob.ts';
import { restoreJob } from '../restores/restoreJob.ts';

/**
 * Every job kind's handler (`jobKinds` in `schema/agent/JobPayload.ts` lists the kinds): the compiler refuses a
 * kind without one. The dispatcher, `cancelJob` and the jobs' namespace filter receive it from here rather than
 * importing the domains they serve.
 */
export const jobKindHandlers: JobKindHandlers = {
  backup: backupJob,
  restore: restoreJob,
  validateLocation: validateLocationJob,
  deleteBackup: deleteBackupJob,
  rebuildCatalog: rebuildCatalogJob,
  rotateRepositoryKey: rotateRepositoryKeyJob,
};
