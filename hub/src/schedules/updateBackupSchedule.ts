import type { EntityManager } from '@mikro-orm/core';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { namespacesTouched } from '../backups/namespacesTouched.ts';
import { validateName } from '../graphql/validateName.ts';
import type { BackupScheduleRow } from './BackupScheduleEntity.ts';
import type { UpdateBackupScheduleInput } from './BackupScheduleInputs.ts';
import { parseBackupTemplate } from './BackupTemplate.ts';
import { checkScheduleReferences } from './checkScheduleReferences.ts';
import { flushScheduleName } from './flushScheduleName.ts';
import { loadBackupSchedule } from './loadBackupSchedule.ts';
import { authorizeBackupContent } from '../backups/authorizeBackupContent.ts';

/**
 * Renames a schedule, points it at another policy and/or replaces its template. The caller must cover the
 * namespaces of both the old template and the new one, or it could widen a schedule past its own grant.
 */
export async function updateBackupSchedule(
  em: EntityManager,
  principal: Principal,
  id: string,
  input: UpdateBackupScheduleInput,
): Promise<BackupScheduleRow> {
  const row = await loadBackupSchedule(em, principal, id, 'operate');
  const template =
    input.template == null ? undefined : parseBackupTemplate(input.template, row.clusterId, 'input.template');
  if (template) {
    authorize(principal, 'operate', {
      tenantId: row.tenantId,
      clusterId: row.clusterId,
      namespaces: namespacesTouched(template.includeNamespaces),
    });
  }
  const name = input.name == null ? undefined : validateName('input.name', input.name);
  const policyId = input.policyId ?? undefined;
  await checkScheduleReferences(em, row.tenantId, { policyId, template });
  if (template) {
    const where = { tenantId: row.tenantId, clusterId: row.clusterId };
    await authorizeBackupContent(em, principal, where, template, 'input.template');
  }
  if (name !== undefined) row.name = name;
  if (policyId !== undefined && policyId !== row.policyId) {
    row.policyId = policyId;
    // The run planned under the old policy is dropped; the scheduler plans one from the new policy.
    if (!row.suspended) row.nextRunAt = null;
  }
  if (template) {
    Object.assign(row, {
      template,
      locationId: template.locationId,
      preRuleId: template.preRuleId,
      postRuleId: template.postRuleId,
    });
  }
  await flushScheduleName(em, row.name);
  return row;
}
