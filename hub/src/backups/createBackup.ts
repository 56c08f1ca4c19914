import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import { type EntityManager } from '@mikro-orm/core';
import { parseBackupSpec } from '#schema/contracts/BackupSpec';
import { parseDuration } from '#schema/contracts/parseDuration';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { NotFoundError } from '../errors/errors.ts';
import { labelsFromList } from '../graphql/Label.ts';
import { validateLabels } from '../graphql/validateName.ts';
import type { BackupRow } from './BackupEntity.ts';
import type { CreateBackupInput } from './BackupInputs.ts';
import { authorizeBackupContent } from './authorizeBackupContent.ts';
import { backupName } from './backupName.ts';
import { findTenantLocation } from './findTenantLocation.ts';
import { namespacesTouched } from './namespacesTouched.ts';
import { parseSpecInput } from './parseSpecInput.ts';
import { queueBackup } from './queueBackup.ts';
import { flushOrConflict } from '../db/flushOrConflict.ts';

/**
 * Catalogs a new backup as Pending and queues the backup job its cluster's agent will run; both are written
 * in one flush, which is one transaction, so there is never a backup without its job or the reverse.
 */
export async function createBackup(
  em: EntityManager,
  principal: Principal,
  input: CreateBackupInput,
  signals: DispatchSignals,
): Promise<BackupRow> {
  const cluster = await em.findOne(ClusterEntity, { id: input.clusterId });
  if (!cluster) throw new NotFoundError('Cluster', input.clusterId);
  authorize(principal, 'operate', {
    tenantId: cluster.tenantId,
    clusterId: cluster.id,
    namespaces: namespacesTouched(input.includeNamespaces),
  });
  const labels = validateLabels('input.labels', labelsFromList(input.labels));
  const spec = parseSpecInput('input', () =>
    parseBackupSpec({
      clusterId: input.clusterId,
      locationId: input.locationId,
      includeNamespaces: input.includeNamespaces,
      excludeNamespaces: input.excludeNamespaces,
      labelSelectors: input.labelSelectors,
      includeResources: input.includeResources,
      excludeResources: input.excludeResources,
      clusterScoped: input.clusterScoped,
      volumes: input.volumes,
      preRuleId: input.preRuleId,
      postRuleId: input.postRuleId,
      ttlSeconds: input.ttl ? parseDuration(input.ttl, 'ttl') : undefined,
      labels,
    }),
  );
  const now = new Date();
  const name = backupName(input.name, input.namePrefix, now);
  if (!(await findTenantLocation(em, cluster.tenantId, spec.locationId))) {
    throw new NotFoundError('BackupLocation', spec.locationId);
  }
  await authorizeBackupContent(em, principal, { tenantId: cluster.tenantId, clusterId: cluster.id }, spec, 'input');
  const { backup } = queueBackup(em, {
    tenantId: cluster.tenantId,
    clusterId: cluster.id,
    name,
    spec,
    labels,
    now,
    schedule: null,
  });
  await flushOrConflict(em, `this cluster already has a backup named '${name}'`);
  signals.send({ type: 'jobQueued', clusterId: cluster.id });
  return backup;
}
