import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import type { EntityManager } from '@mikro-orm/core';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { ConflictError } from '../errors/errors.ts';
import { BackupEntity, type BackupRow } from './BackupEntity.ts';
import { isInProgress } from './backupLifecycle.ts';
import { queueBackupDeletion } from './queueBackupDeletion.ts';
import { namespacesTouched } from './namespacesTouched.ts';
import { findVisible } from '../db/findVisible.ts';

/**
 * Marks a backup Deleting and queues the job that removes its data from the location; the agent drops the
 * catalog row when the data is gone. Asking again while its deletion job is queued or running changes
 * nothing; asking after a deletion failed tries again at once instead of waiting for the scheduler's retry.
 */
export async function deleteBackup(
  em: EntityManager,
  principal: Principal,
  id: string,
  signals: DispatchSignals,
): Promise<BackupRow> {
  const backup = await findVisible(em, BackupEntity, 'Backup', id);
  authorize(principal, 'operate', {
    tenantId: backup.tenantId,
    clusterId: backup.clusterId,
    namespaces: namespacesTouched(backup.spec.includeNamespaces),
  });
  // Asking again while a deletion job is on its way changes nothing; after a failed one it retries now.
  if (backup.phase === 'Deleting' && backup.deletionRetryAt === null) return backup;
  if (isInProgress(backup.phase)) {
    throw new ConflictError(`backup '${backup.name}' is ${backup.phase}; cancel its job before deleting it`);
  }
  queueBackupDeletion(em, backup, 'Requested');
  await em.flush();
  signals.send({ type: 'jobQueued', clusterId: backup.clusterId });
  return backup;
}
