import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import { authorize } from '../access/authorize.ts';
import { BackupEntity } from '../backups/BackupEntity.ts';
import { finalProgress } from '../backups/finalProgress.ts';
import { endedOperation, failedOperation, parseOutcomeInput } from '../backups/operationResult.ts';
import type { JobKindHandler } from '../jobs/JobKindHandler.ts';
import { UnrunnableJobError } from '../jobs/UnrunnableJobError.ts';
import { locationTarget } from '../locations/locationTarget.ts';
import { RestoreEntity } from './RestoreEntity.ts';
import { isRestoreInProgress } from './restoreLifecycle.ts';

/**
 * A `restore` job runs the restore `subjectId` names, from its backup's location into the job's cluster: the
 * restore runs with its job, records the run's results (or the job's error) when it ends, and fails when a
 * user cancels the job. Per-item results arrive before the end (`reportRestoreItems`).
 */
export const restoreJob: JobKindHandler<'restore', OperationOutcome> = {
  async payload(em, secrets, job) {
    const restore = await em.findOne(RestoreEntity, { id: job.subjectId }, { filters: false });
    if (!restore) throw new UnrunnableJobError(`restore '${job.subjectId}' no longer exists`);
    const backup = await em.findOne(BackupEntity, { id: restore.backupId }, { filters: false });
    if (!backup) throw new UnrunnableJobError(`backup '${restore.backupId}' no longer exists`);
    return {
      kind: 'restore',
      restore: { id: restore.id, spec: restore.spec },
      backup: { id: backup.id, name: backup.name },
      location: await locationTarget(em, secrets, backup.locationId),
    };
  },

  parseOutcome: parseOutcomeInput,

  async start(em, job, now) {
    const restore = await em.findOne(RestoreEntity, { id: job.subjectId });
    if (restore?.phase !== 'Pending') return;
    Object.assign(restore, { phase: 'Running', startedAt: now });
  },

  async progress(em, job, report) {
    const restore = await em.findOne(RestoreEntity, { id: job.subjectId });
    if (!restore) return;
    restore.progress = { itemsDone: report.done, itemsTotal: report.total, bytes: report.bytes };
  },

  async finish(tx, job, end, { now }) {
    const restore = await tx.findOne(RestoreEntity, { id: job.subjectId });
    if (!restore) return;
    if (end.ok) {
      Object.assign(restore, endedOperation(end.outcome, now), { progress: finalProgress(end.outcome) });
    } else {
      Object.assign(restore, failedOperation(end.error, now));
    }
    await tx.flush();
  },

  async authorizeCancel(em, principal, job) {
    const restore = await em.findOne(RestoreEntity, { id: job.subjectId });
    authorize(principal, 'operate', {
      tenantId: job.tenantId,
      clusterId: job.clusterId,
      namespaces: restore?.targetNamespaces ?? ['*'],
    });
  },

  namespaceReach: 'subjectRestore',

  notCancellable: undefined,

  async cancel(em, job, reason, now) {
    const restore = await em.findOne(RestoreEntity, { id: job.subjectId });
    if (!restore || !isRestoreInProgress(restore.phase)) return;
    Object.assign(restore, failedOperation(reason, now));
  },
};
