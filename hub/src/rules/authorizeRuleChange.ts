import type { EntityManager } from '@mikro-orm/core';
import type { RuleSpec } from '#schema/contracts/RuleSpec';
import { allows, authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { ForbiddenError } from '../errors/errors.ts';
import { authorizeScheduleUsers } from '../schedules/authorizeScheduleUsers.ts';

/** The namespaces a rule's sub-rules name; those naming none run in their backup's namespaces only. */
export function ruleNamespaces(spec: RuleSpec): string[] {
  return [...new Set(spec.subRules.flatMap((s) => s.namespaces))];
}

/**
 * Checks that the caller may create a rule with `spec` in a tenant: operate there, over every namespace its
 * sub-rules name (a `shop-*` operator cannot aim a command at `kube-system`).
 */
export function authorizeRuleSpec(principal: Principal, tenantId: string, spec: RuleSpec, field: string): void {
  authorize(principal, 'operate', { tenantId });
  const namespaces = ruleNamespaces(spec);
  if (!allows(principal, 'operate', { tenantId, namespaces })) {
    throw new ForbiddenError(
      `${field}: the sub-rules name namespaces (${namespaces.join(', ')}) beyond those your binding is narrowed to`,
    );
  }
}

/**
 * Checks that the caller may change or delete a rule: it covers what the rule does now (and `next`, what it
 * would do), and every schedule that uses it (`authorizeScheduleUsers`).
 */
export async function authorizeRuleChange(
  em: EntityManager,
  principal: Principal,
  rule: { id: string; tenantId: string; name: string; spec: RuleSpec },
  next: RuleSpec | null,
): Promise<void> {
  authorizeRuleSpec(principal, rule.tenantId, rule.spec, `rule '${rule.name}'`);
  if (next) authorizeRuleSpec(principal, rule.tenantId, next, 'input.spec');
  await authorizeScheduleUsers(em, principal, rule.tenantId, { ruleId: rule.id }, `rule '${rule.name}'`);
}
