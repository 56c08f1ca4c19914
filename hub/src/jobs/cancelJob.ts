import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import type { EntityManager } from '@mikro-orm/core';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { unreachable } from '../auth/Principal.ts';
import { BackupEntity } from '../backups/BackupEntity.ts';
import { isInProgress } from '../backups/backupLifecycle.ts';
import { namespacesTouched } from '../backups/namespacesTouched.ts';
import { ConflictError } from '../errors/errors.ts';
import { RestoreEntity } from '../restores/RestoreEntity.ts';
import { isRestoreInProgress } from '../restores/restoreLifecycle.ts';
import { JobEntity, type JobRow } from './JobEntity.ts';
import { isFinished, whyNotCancellable } from './jobLifecycle.ts';
import { findVisible } from '../db/findVisible.ts';

const cancelled = 'cancelled by a user before it finished';

/**
 * Cancels a queued or running job and fails its backup or restore with the reason, in one flush. The agent running
 * it is told at once and stops; results it sends late are ignored.
 */
export async function cancelJob(
  em: EntityManager,
  principal: Principal,
  id: string,
  signals: DispatchSignals,
): Promise<JobRow> {
  const job = await findVisible(em, JobEntity, 'Job', id);
  const target = { tenantId: job.tenantId, clusterId: job.clusterId };
  const now = new Date();
  switch (job.kind) {
    case 'backup': {
      const backup = await em.findOne(BackupEntity, { id: job.subjectId });
      authorize(principal, 'operate', {
        ...target,
        namespaces: namespacesTouched(backup?.spec.includeNamespaces ?? []),
      });
      if (backup && isInProgress(backup.phase)) {
        Object.assign(backup, {
          phase: 'Failed',
          completedAt: now,
          result: { countsByKind: {}, warnings: [], errors: [cancelled] },
        });
      }
      break;
    }
    case 'restore': {
      const restore = await em.findOne(RestoreEntity, { id: job.subjectId });
      authorize(principal, 'operate', { ...target, namespaces: restore?.targetNamespaces ?? ['*'] });
      if (restore && isRestoreInProgress(restore.phase)) {
        Object.assign(restore, {
          phase: 'Failed',
          completedAt: now,
          result: { countsByKind: {}, warnings: [], errors: [cancelled] },
        });
      }
      break;
    }
    case 'validateLocation':
    case 'deleteBackup':
    case 'rebuildCatalog':
      authorize(principal, 'operate', target);
      break;
    default:
      return unreachable(job.kind);
  }
  if (isFinished(job.phase)) throw new ConflictError(`job '${id}' has already ended: ${job.phase}`);
  const why = whyNotCancellable(job.kind);
  if (why) throw new ConflictError(why);
  Object.assign(job, { phase: 'Cancelled', finishedAt: now, leaseExpiresAt: null, error: cancelled });
  await em.flush();
  signals.send({ type: 'jobCancelled', clusterId: job.clusterId, jobId: job.id });
  return job;
}
