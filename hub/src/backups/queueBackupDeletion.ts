import type { EntityManager } from '@mikro-orm/core';
import { JobEntity, type JobRow } from '../jobs/JobEntity.ts';
import type { BackupRow } from './BackupEntity.ts';
import type { DeletionReason } from './backupLifecycle.ts';

/**
 * Marks `backup` Deleting and adds the job that removes its data from the location to the unit of work,
 * unflushed. The agent's success drops the catalog row; a failure keeps the backup Deleting with the error
 * and a retry time (`deleteBackupJob`), and the scheduler asks again then. `reason` stays the first one given.
 */
export function queueBackupDeletion(em: EntityManager, backup: BackupRow, reason: DeletionReason): JobRow {
  backup.phase = 'Deleting';
  backup.deletionReason ??= reason;
  backup.deletionAttempts += 1;
  backup.deletionRetryAt = null;
  return em.create(JobEntity, {
    tenantId: backup.tenantId,
    clusterId: backup.clusterId,
    kind: 'deleteBackup',
    subjectId: backup.id,
    phase: 'Queued',
    attempts: 0,
    leaseExpiresAt: null,
    error: null,
    startedAt: null,
    finishedAt: null,
  });
}
