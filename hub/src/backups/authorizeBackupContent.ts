import type { EntityManager } from '@mikro-orm/core';
import type { BackupSpec } from '#schema/contracts/BackupSpec';
import { allows, authorize, namespaceMatches } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors/errors.ts';
import { RuleEntity } from '../rules/RuleEntity.ts';
import { namespacesTouched } from './namespacesTouched.ts';

/** What a backup (or each backup of a schedule) reaches in its cluster. */
export type BackupContent = Pick<BackupSpec, 'includeNamespaces' | 'clusterScoped' | 'preRuleId' | 'postRuleId'>;

/**
 * Checks that the caller may take backups with `content` in one cluster of a tenant, so that nothing a backup
 * does reaches past the caller's narrowing:
 * - it operates on the cluster and every namespace the backup includes;
 * - `clusterScoped: all` takes every cluster-scoped object, which no namespace narrowing bounds, so it needs a
 *   binding over every namespace (narrowed callers get `auto`, the objects their namespaces need);
 * - the rules' sub-rules exec in pods: a sub-rule naming namespaces must stay within the backup's namespaces
 *   and the caller's narrowing (one naming none runs in the backup's namespaces; the agent also keeps every
 *   sub-rule to them).
 * Rules are loaded here, so an id that is not a rule of the tenant is NOT_FOUND.
 */
export async function authorizeBackupContent(
  em: EntityManager,
  principal: Principal,
  where: { tenantId: string; clusterId: string },
  content: BackupContent,
  field: string,
): Promise<void> {
  authorize(principal, 'operate', { ...where, namespaces: namespacesTouched(content.includeNamespaces) });
  if (content.clusterScoped === 'all' && !allows(principal, 'operate', { ...where, namespaces: ['*'] })) {
    throw new ForbiddenError(
      `${field}.clusterScoped: 'all' takes every cluster-scoped object of the cluster, beyond the namespaces your ` +
        "binding is narrowed to; use 'auto' (the cluster-scoped objects your namespaces need) or 'none'",
    );
  }
  for (const [key, ruleId] of [
    ['preRuleId', content.preRuleId],
    ['postRuleId', content.postRuleId],
  ] as const) {
    if (ruleId === null) continue;
    const rule = await em.findOne(RuleEntity, { id: ruleId, tenantId: where.tenantId });
    if (!rule) throw new NotFoundError('Rule', ruleId);
    for (const [i, subRule] of rule.spec.subRules.entries()) {
      if (subRule.namespaces.length === 0) continue;
      const path = `${field}.${key}: rule '${rule.name}' subRules[${i}].namespaces`;
      if (!allows(principal, 'operate', { ...where, namespaces: subRule.namespaces })) {
        throw new ForbiddenError(`${path} reach beyond the namespaces your binding is narrowed to`);
      }
      const outside = subRule.namespaces.filter(
        (ns) => content.includeNamespaces.length > 0 && !content.includeNamespaces.some((inc) => namespaceMatches(inc, ns)),
      );
      if (outside.length > 0) {
        throw new BadUserInputError(path, `${outside.join(', ')} outside the namespaces the backup includes`);
      }
    }
  }
}
