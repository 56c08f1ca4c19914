import type { EntityManager } from '@mikro-orm/core';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { findVisible } from '../db/findVisible.ts';
import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import { NotFoundError } from '../errors/errors.ts';
import { JobEntity, type JobRow } from '../jobs/JobEntity.ts';
import { BackupLocationEntity } from './BackupLocationEntity.ts';

/**
 * Queues a job that a cluster's agent runs against a location: `validateLocation` (write, read back and
 * delete a probe object; the outcome lands in `BackupLocation.validation`) or `rebuildCatalog` (read every
 * committed backup's `backup.json` back into the catalog; a tenant admin's call, since it writes the
 * catalog). The cluster must be of the location's tenant.
 */
export async function queueLocationJob(
  em: EntityManager,
  principal: Principal,
  kind: 'validateLocation' | 'rebuildCatalog',
  ids: { locationId: string; clusterId: string },
  signals: DispatchSignals,
): Promise<JobRow> {
  const location = await findVisible(em, BackupLocationEntity, 'BackupLocation', ids.locationId);
  const cluster = await em.findOne(ClusterEntity, { id: ids.clusterId });
  if (!cluster || cluster.tenantId !== location.tenantId) throw new NotFoundError('Cluster', ids.clusterId);
  authorize(principal, kind === 'rebuildCatalog' ? 'administer' : 'operate', {
    tenantId: cluster.tenantId,
    clusterId: cluster.id,
    // A catalog rebuild imports the backups of every namespace.
    namespaces: kind === 'rebuildCatalog' ? ['*'] : undefined,
  });
  const job = em.create(JobEntity, {
    tenantId: cluster.tenantId,
    clusterId: cluster.id,
    kind,
    subjectId: location.id,
    phase: 'Queued',
    attempts: 0,
    leaseExpiresAt: null,
    progress: null,
    error: null,
    startedAt: null,
    finishedAt: null,
  });
  await em.flush();
  signals.send({ type: 'jobQueued', clusterId: cluster.id });
  return job;
}
