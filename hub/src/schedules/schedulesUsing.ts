import type { EntityManager } from '@mikro-orm/core';
import { BackupScheduleEntity } from './BackupScheduleEntity.ts';

/**
 * The names of up to five backup schedules that use a schedule policy or a rule, for the CONFLICT a delete
 * of it raises. The scope filter is off: a cluster-narrowed operator must not delete a policy that schedules
 * of clusters it cannot see still use.
 */
export async function schedulesUsing(
  em: EntityManager,
  what: { policyId: string } | { ruleId: string },
): Promise<string[]> {
  const where =
    'policyId' in what
      ? { policyId: what.policyId }
      : { $or: [{ preRuleId: what.ruleId }, { postRuleId: what.ruleId }] };
  const rows = await em.find(BackupScheduleEntity, where, {
    fields: ['name'],
    orderBy: { name: 'asc' },
    limit: 5,
    filters: false,
  });
  return rows.map((row) => `'${row.name}'`);
}
