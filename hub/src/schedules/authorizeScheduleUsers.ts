import type { EntityManager } from '@mikro-orm/core';
import { allows } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { namespacesTouched } from '../backups/namespacesTouched.ts';
import { ForbiddenError } from '../errors/errors.ts';
import { BackupScheduleEntity } from './BackupScheduleEntity.ts';

/**
 * Checks that the caller covers every backup schedule using a shared rule or schedule policy: its cluster
 * and the namespaces it backs up. Those schedules run with whatever the rule or policy becomes (a rule's
 * commands, a policy's retention that deletes their backups), so changing or deleting one is acting on all
 * of them. The scope filters are off: a narrowed caller must not change what schedules it cannot see use.
 */
export async function authorizeScheduleUsers(
  em: EntityManager,
  principal: Principal,
  tenantId: string,
  used: { policyId: string } | { ruleId: string },
  what: string,
): Promise<void> {
  const where =
    'policyId' in used ? { policyId: used.policyId } : { $or: [{ preRuleId: used.ruleId }, { postRuleId: used.ruleId }] };
  const users = await em.find(BackupScheduleEntity, { tenantId, ...where }, { filters: false });
  const beyond = users.filter(
    (s) =>
      !allows(principal, 'operate', {
        tenantId,
        clusterId: s.clusterId,
        namespaces: namespacesTouched(s.template.includeNamespaces),
      }),
  );
  if (beyond.length > 0) {
    throw new ForbiddenError(
      `${what} is used by ${beyond.length} backup schedule(s) beyond your binding's clusters or namespaces; ` +
        'only someone who covers every schedule using it may change or delete it',
    );
  }
}
