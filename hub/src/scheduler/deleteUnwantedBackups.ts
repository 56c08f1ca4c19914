import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { BackupEntity, type BackupRow } from '../backups/BackupEntity.ts';
import type { DeletionReason } from '../backups/backupLifecycle.ts';
import { queueBackupDeletion } from '../backups/queueBackupDeletion.ts';
import { SchedulePolicyEntity } from '../policies/SchedulePolicyEntity.ts';
import { BackupScheduleEntity } from '../schedules/BackupScheduleEntity.ts';
import type { SchedulerDeps } from './SchedulerDeps.ts';

/** Deletions queued by one pass, by reason. */
export type DeletionsPass = Record<DeletionReason, number>;

const batchSize = 500;

/**
 * Queues the deletion of every backup that is no longer wanted: past its expiry; beyond its schedule's
 * `retain` newest restorable (Completed or PartiallyFailed) backups; Failed for longer than the failed-backup
 * retention; or Deleting with a failed deletion whose retry time has come. Deletion goes through an agent of
 * the backup's cluster, which removes the data and then the catalog row; failed backups do not count
 * toward `retain`.
 */
export async function deleteUnwantedBackups(deps: SchedulerDeps): Promise<DeletionsPass> {
  const now = deps.clock.now();
  const pass: DeletionsPass = { Requested: 0, Expired: 0, Retention: 0, FailedCleanup: 0 };
  const queue = (reason: DeletionReason, where: FilterQuery<BackupRow>) => queueEach(deps, pass, reason, where);
  await queue('Expired', { expiresAt: { $lte: now }, phase: { $in: ['Completed', 'PartiallyFailed', 'Failed'] } });
  await queue('FailedCleanup', {
    phase: 'Failed',
    completedAt: { $lte: new Date(now.getTime() - deps.failedBackupRetentionMs) },
  });
  for (const { id, retain } of await schedulesWithRetain(deps.em())) {
    const restorable = { scheduleId: id, phase: { $in: ['Completed' as const, 'PartiallyFailed' as const] } };
    const keep = await deps
      .em()
      .find(BackupEntity, restorable, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: retain, fields: ['id'] });
    if (keep.length < retain) continue;
    await queue('Retention', {
      ...restorable,
      id: { $nin: keep.map((b) => b.id) },
    });
  }
  const retries = await deps.em().find(BackupEntity, { phase: 'Deleting', deletionRetryAt: { $lte: now } }, { limit: batchSize });
  for (const backup of retries) await queueOne(deps, backup.id, backup.deletionReason ?? 'Requested', pass);
  return pass;
}

/** Schedules whose policy keeps a fixed number of backups, with that number. */
async function schedulesWithRetain(em: EntityManager): Promise<{ id: string; retain: number }[]> {
  const policies = await em.find(SchedulePolicyEntity, {}, { fields: ['id', 'spec'] });
  const retainOf = new Map(
    policies.filter((p) => p.spec.retain !== null).map((p) => [p.id, p.spec.retain as number]),
  );
  if (retainOf.size === 0) return [];
  const schedules = await em.find(
    BackupScheduleEntity,
    { policyId: { $in: [...retainOf.keys()] } },
    { fields: ['id', 'policyId'] },
  );
  return schedules.map((s) => ({ id: s.id, retain: retainOf.get(s.policyId) as number }));
}

async function queueEach(
  deps: SchedulerDeps,
  pass: DeletionsPass,
  reason: DeletionReason,
  where: FilterQuery<BackupRow>,
): Promise<void> {
  for (;;) {
    const rows = await deps.em().find(BackupEntity, where, { fields: ['id'], limit: batchSize, orderBy: { id: 'asc' } });
    for (const row of rows) await queueOne(deps, row.id, reason, pass);
    if (rows.length < batchSize) return;
  }
}

/** One backup's deletion in its own transaction, re-checked there, so a user's own deletion is not doubled. */
async function queueOne(deps: SchedulerDeps, id: string, reason: DeletionReason, pass: DeletionsPass): Promise<void> {
  const em = deps.em();
  const backup = await em.findOne(BackupEntity, { id });
  if (!backup) return;
  const retry = backup.phase === 'Deleting' && backup.deletionRetryAt !== null;
  if (backup.phase === 'Deleting' && !retry) return;
  queueBackupDeletion(em, backup, reason);
  await em.flush();
  deps.logger.info({ backupId: id, reason, attempt: backup.deletionAttempts }, `deleting backup ${backup.name}`);
  deps.signals.send({ type: 'jobQueued', clusterId: backup.clusterId });
  pass[reason] += 1;
}
