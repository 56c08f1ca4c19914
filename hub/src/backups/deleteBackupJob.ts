import type { JobKindHandler } from '../jobs/JobKindHandler.ts';
import { subjectlessSteps } from '../jobs/subjectlessSteps.ts';
import { UnrunnableJobError } from '../jobs/UnrunnableJobError.ts';
import { locationTarget } from '../locations/locationTarget.ts';
import { BackupEntity } from './BackupEntity.ts';
import { deletionRetryDelayMs } from './backupLifecycle.ts';

/**
 * A `deleteBackup` job removes the data of the backup `subjectId` names from its location; its success drops
 * the catalog row. It cannot be cancelled: stopping halfway would leave a catalog entry pointing at a broken
 * backup.
 */
export const deleteBackupJob: JobKindHandler<'deleteBackup', undefined> = {
  ...subjectlessSteps,

  async payload(em, secrets, job) {
    const backup = await em.findOne(BackupEntity, { id: job.subjectId }, { filters: false });
    if (!backup) throw new UnrunnableJobError(`backup '${job.subjectId}' no longer exists`);
    return {
      kind: 'deleteBackup',
      backup: { id: backup.id, name: backup.name },
      location: await locationTarget(em, secrets, backup.locationId),
    };
  },

  parseOutcome: null,

  async finish(tx, job, end, { now }) {
    const backup = await tx.findOne(BackupEntity, { id: job.subjectId });
    if (!backup) return;
    if (end.ok) {
      tx.remove(backup);
      await tx.flush();
    } else {
      // The data may be partly gone: the backup stays Deleting, with the error and when the scheduler will
      // ask an agent again, so nothing half-deleted is offered for restore and the failure is visible.
      backup.deletionError = end.error;
      backup.deletionRetryAt = new Date(now.getTime() + deletionRetryDelayMs(backup.deletionAttempts));
      await tx.flush();
    }
  },

  namespaceReach: 'subjectBackup',

  notCancellable: 'a backup deletion cannot be cancelled; it may already have removed data',
};
