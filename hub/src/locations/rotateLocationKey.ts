import type { EntityManager } from '@mikro-orm/core';
import { authorizeWholeTenant } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { compareAndSet } from '../db/compareAndSet.ts';
import { findVisible } from '../db/findVisible.ts';
import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import { ConflictError, NotFoundError } from '../errors/errors.ts';
import { JobEntity, type JobRow } from '../jobs/JobEntity.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';
import { BackupLocationEntity } from './BackupLocationEntity.ts';
import { locationRepositoryKey } from './locationRepositoryKey.ts';
import { validateRepositoryKey } from './validateRepositoryKey.ts';

/** What `rotateLocationKey` is asked: the location, the cluster whose agent rewraps, and the new key if given. */
export interface KeyRotationRequest {
  locationId: string;
  clusterId: string;
  /** Base64 of 32 bytes; null: the hub generates one. */
  newKey: string | null;
}

/**
 * Seals the location's next repository key as pending and queues the `rotateRepositoryKey` job that rewraps
 * the repository's master key to it (`rotateRepositoryKeyJob` swaps the keys when it succeeds). The key
 * reaches every cluster that backs up to the location, so only an admin of the whole tenant may rotate it;
 * the cluster must be of the location's tenant. One rotation at a time per location.
 */
export async function rotateLocationKey(
  em: EntityManager,
  principal: Principal,
  secrets: SecretBox,
  request: KeyRotationRequest,
  signals: DispatchSignals,
): Promise<JobRow> {
  const location = await findVisible(em, BackupLocationEntity, 'BackupLocation', request.locationId);
  authorizeWholeTenant(principal, 'administer', location.tenantId, "rotating a backup location's key");
  const newKey = request.newKey === null ? locationRepositoryKey.generate() : validateRepositoryKey('newKey', request.newKey);
  const cluster = await em.findOne(ClusterEntity, { id: request.clusterId });
  if (!cluster || cluster.tenantId !== location.tenantId) throw new NotFoundError('Cluster', request.clusterId);
  // Read unscoped: a rotation queued on a cluster the caller cannot see still holds the pending key.
  const inFlight = await em.count(
    JobEntity,
    { kind: 'rotateRepositoryKey', subjectId: location.id, phase: { $in: ['Queued', 'Running'] } },
    { filters: false },
  );
  if (inFlight > 0) {
    throw new ConflictError(`a key rotation of backup location '${location.name}' is queued or running; wait for its job to end`);
  }
  // Only while the pending key is still the one read: of two rotations racing past the check above, one
  // wins, so no job can rewrap to a key that a later call replaced before the swap.
  const claimed = await compareAndSet(
    em,
    BackupLocationEntity,
    { id: location.id, sealedPendingRepositoryKey: location.sealedPendingRepositoryKey ?? null },
    { sealedPendingRepositoryKey: locationRepositoryKey.seal(secrets, location.id, newKey) },
  );
  if (!claimed) {
    throw new ConflictError(`another key rotation of backup location '${location.name}' was just queued; wait for its job to end`);
  }
  const job = em.create(JobEntity, {
    tenantId: location.tenantId,
    clusterId: cluster.id,
    kind: 'rotateRepositoryKey',
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
