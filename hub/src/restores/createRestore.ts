import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import type { EntityManager } from '@mikro-orm/core';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { BackupEntity } from '../backups/BackupEntity.ts';
import { isRestorable } from '../backups/backupLifecycle.ts';
import { namespacesTouched } from '../backups/namespacesTouched.ts';
import { parseSpecInput } from '../backups/parseSpecInput.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors/errors.ts';
import { JobEntity } from '../jobs/JobEntity.ts';
import { RestoreEntity, type RestoreRow } from './RestoreEntity.ts';
import type { CreateRestoreInput, MappingInput } from './RestoreInputs.ts';
import { authorizeRestoreEffect } from './authorizeRestoreEffect.ts';
import { restoreNamespacesTouched } from './restoreNamespacesTouched.ts';

function recordOf(field: string, mappings: readonly MappingInput[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [i, { from, to }] of mappings.entries()) {
    if (Object.hasOwn(record, from))
      throw new BadUserInputError(`${field}[${i}].from`, `'${from}' is mapped twice`);
    record[from] = to;
  }
  return record;
}

/**
 * Queues a restore of a finished backup into any cluster of the backup's tenant. The caller must be able to
 * read the backup's namespaces it restores and to operate on the target cluster's namespaces it writes. A
 * cluster of another tenant is NOT_FOUND, even for a hub admin, whose scope would otherwise show it.
 */
export async function createRestore(
  em: EntityManager,
  principal: Principal,
  input: CreateRestoreInput,
  signals: DispatchSignals,
): Promise<RestoreRow> {
  const backup = await em.findOne(BackupEntity, { id: input.backupId });
  if (!backup) throw new NotFoundError('Backup', input.backupId);
  const target = await em.findOne(ClusterEntity, { id: input.targetClusterId });
  if (!target || target.tenantId !== backup.tenantId)
    throw new NotFoundError('Cluster', input.targetClusterId);
  const spec = parseSpecInput('input', () =>
    parseRestoreSpec({
      ...input,
      namespaceMapping: recordOf('input.namespaceMapping', input.namespaceMapping),
      storageClassMapping: recordOf('input.storageClassMapping', input.storageClassMapping),
    }),
  );
  const sources = spec.includeNamespaces.length > 0 ? spec.includeNamespaces : backup.spec.includeNamespaces;
  authorize(principal, 'read', {
    tenantId: backup.tenantId,
    clusterId: backup.clusterId,
    namespaces: namespacesTouched(sources),
  });
  const targetNamespaces = restoreNamespacesTouched(spec, backup.spec.includeNamespaces);
  authorize(principal, 'operate', {
    tenantId: target.tenantId,
    clusterId: target.id,
    namespaces: targetNamespaces,
  });
  authorizeRestoreEffect(principal, backup, target.id, spec);
  if (!isRestorable(backup.phase)) {
    throw new ConflictError(
      `backup '${backup.name}' is ${backup.phase}; only Completed or PartiallyFailed backups can be restored`,
    );
  }
  const restore = em.create(RestoreEntity, {
    tenantId: backup.tenantId,
    clusterId: target.id,
    backupId: backup.id,
    sourceClusterId: backup.clusterId,
    spec,
    targetNamespaces,
    phase: 'Pending',
    progress: { itemsDone: 0, itemsTotal: 0, bytes: 0 },
    result: null,
    startedAt: null,
    completedAt: null,
  });
  em.create(JobEntity, {
    tenantId: backup.tenantId,
    clusterId: target.id,
    kind: 'restore',
    subjectId: restore.id,
    phase: 'Queued',
    attempts: 0,
    leaseExpiresAt: null,
    error: null,
    startedAt: null,
    finishedAt: null,
  });
  await em.flush();
  signals.send({ type: 'jobQueued', clusterId: target.id });
  return restore;
}
