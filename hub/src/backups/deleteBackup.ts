import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import type { EntityManager } from '@mikro-orm/core';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { ConflictError } from '../errors/errors.ts';
import { publishUpdate } from '../graphql/hubPubSub.ts';
import { JobEntity } from '../jobs/JobEntity.ts';
import { BackupEntity, type BackupRow } from './BackupEntity.ts';
import { isInProgress } from './backupLifecycle.ts';
import { namespacesTouched } from './namespacesTouched.ts';
import { findVisible } from '../db/findVisible.ts';

/**
 * Marks a backup Deleting and queues the job that removes its data from the location; the agent drops the
 * catalog row when the data is gone. Asking again while it is Deleting changes nothing.
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
  if (backup.phase === 'Deleting') return backup;
  if (isInProgress(backup.phase)) {
    throw new ConflictError(`backup '${backup.name}' is ${backup.phase}; cancel its job before deleting it`);
  }
  backup.phase = 'Deleting';
  const job = em.create(JobEntity, {
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
  await em.flush();
  publishUpdate('backupUpdated', backup.id);
  publishUpdate('jobUpdated', job.id);
  signals.send({ type: 'jobQueued', clusterId: backup.clusterId });
  return backup;
}
