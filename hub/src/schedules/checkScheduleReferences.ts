import type { EntityManager } from '@mikro-orm/core';
import { findTenantLocation } from '../backups/findTenantLocation.ts';
import { NotFoundError } from '../errors/errors.ts';
import { SchedulePolicyEntity } from '../policies/SchedulePolicyEntity.ts';
import { requireTenantRule } from '../rules/requireTenantRule.ts';
import type { BackupTemplate } from './BackupTemplate.ts';

/** Fails with NOT_FOUND unless the policy, and the location and rules of the template, are the tenant's. */
export async function checkScheduleReferences(
  em: EntityManager,
  tenantId: string,
  refs: { policyId?: string | undefined; template?: BackupTemplate | undefined },
): Promise<void> {
  const { policyId, template } = refs;
  if (policyId !== undefined && (await em.count(SchedulePolicyEntity, { id: policyId, tenantId })) === 0) {
    throw new NotFoundError('SchedulePolicy', policyId);
  }
  if (template === undefined) return;
  if (!(await findTenantLocation(em, tenantId, template.locationId))) {
    throw new NotFoundError('BackupLocation', template.locationId);
  }
  for (const ruleId of [template.preRuleId, template.postRuleId]) {
    if (ruleId !== null) await requireTenantRule(em, tenantId, ruleId);
  }
}
