import type { EntityManager } from '@mikro-orm/core';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { namespacesTouched } from '../backups/namespacesTouched.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { NotFoundError } from '../errors/errors.ts';
import { validateName } from '../graphql/validateName.ts';
import { BackupScheduleEntity, type BackupScheduleRow } from './BackupScheduleEntity.ts';
import type { CreateBackupScheduleInput } from './BackupScheduleInputs.ts';
import { parseBackupTemplate } from './BackupTemplate.ts';
import { checkScheduleReferences } from './checkScheduleReferences.ts';
import { flushScheduleName } from './flushScheduleName.ts';
import { authorizeBackupContent } from '../backups/authorizeBackupContent.ts';

/**
 * Stores a new schedule. The caller must be allowed to take the backups it will take: operate on its cluster
 * and the namespaces its template includes. Runs are planned by the scheduler, not here.
 */
export async function createBackupSchedule(
  em: EntityManager,
  principal: Principal,
  input: CreateBackupScheduleInput,
): Promise<BackupScheduleRow> {
  const cluster = await em.findOne(ClusterEntity, { id: input.clusterId });
  if (!cluster) throw new NotFoundError('Cluster', input.clusterId);
  authorize(principal, 'operate', {
    tenantId: cluster.tenantId,
    clusterId: cluster.id,
    namespaces: namespacesTouched(input.template.includeNamespaces),
  });
  const name = validateName('input.name', input.name);
  const template = parseBackupTemplate(input.template, cluster.id, 'input.template');
  await checkScheduleReferences(em, cluster.tenantId, { policyId: input.policyId, template });
  const where = { tenantId: cluster.tenantId, clusterId: cluster.id };
  await authorizeBackupContent(em, principal, where, template, 'input.template');
  const row = em.create(BackupScheduleEntity, {
    tenantId: cluster.tenantId,
    clusterId: cluster.id,
    name,
    policyId: input.policyId,
    locationId: template.locationId,
    preRuleId: template.preRuleId,
    postRuleId: template.postRuleId,
    template,
    suspended: input.suspended,
    lastRunAt: null,
    nextRunAt: null,
  });
  await flushScheduleName(em, name);
  return row;
}
