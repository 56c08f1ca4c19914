import type { EntityManager } from '@mikro-orm/core';
import type { BackupSpec } from '#schema/contracts/BackupSpec';
import { JobEntity, type JobRow } from '../jobs/JobEntity.ts';
import { BackupEntity, type BackupRow } from './BackupEntity.ts';

/** A backup to catalog: everything already validated and authorized by the caller. */
export interface QueuedBackup {
  tenantId: string;
  clusterId: string;
  name: string;
  spec: BackupSpec;
  labels: Record<string, string>;
  now: Date;
  /** The schedule that takes it and the run time it stands for; null for an on-demand backup. */
  schedule: { id: string; scheduledFor: Date; late: boolean } | null;
}

/**
 * Adds a Pending backup and the backup job its cluster's agent will run to the unit of work, unflushed: the
 * caller flushes both in one transaction, so there is never a backup without its job or the reverse.
 */
export function queueBackup(em: EntityManager, backup: QueuedBackup): { backup: BackupRow; job: JobRow } {
  const { tenantId, clusterId, spec, now } = backup;
  const row = em.create(BackupEntity, {
    tenantId,
    clusterId,
    locationId: spec.locationId,
    name: backup.name,
    spec,
    labels: backup.labels,
    phase: 'Pending',
    progress: { itemsDone: 0, itemsTotal: 0, bytes: 0 },
    result: null,
    createdAt: now,
    startedAt: null,
    completedAt: null,
    expiresAt: new Date(now.getTime() + spec.ttlSeconds * 1000),
    scheduleId: backup.schedule?.id ?? null,
    scheduledFor: backup.schedule?.scheduledFor ?? null,
    late: backup.schedule?.late ?? false,
  });
  const job = em.create(JobEntity, {
    tenantId,
    clusterId,
    kind: 'backup',
    subjectId: row.id,
    phase: 'Queued',
    attempts: 0,
    leaseExpiresAt: null,
    error: null,
    startedAt: null,
    finishedAt: null,
  });
  return { backup: row, job };
}
