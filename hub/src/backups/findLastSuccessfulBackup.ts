import type { EntityManager } from '@mikro-orm/core';
import { BackupEntity, type BackupRow } from './BackupEntity.ts';

/**
 * The newest restorable (Completed or PartiallyFailed) backup of a cluster, by creation time; null when there
 * is none the caller can see. Reads one entry of the `(clusterId, phase, createdAt, id)` index per phase.
 */
export async function findLastSuccessfulBackup(em: EntityManager, clusterId: string): Promise<BackupRow | null> {
  return em.findOne(
    BackupEntity,
    { clusterId, phase: { $in: ['Completed', 'PartiallyFailed'] } },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
}
