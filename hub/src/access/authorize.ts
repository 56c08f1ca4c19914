import type { Principal } from '../auth/Principal.ts';
import { ForbiddenError, NotFoundError } from '../errors/errors.ts';
import { type Action, roleAllows } from './Role.ts';

/** What an operation touches: always a tenant, sometimes one cluster and some namespaces. */
export interface Target {
  tenantId: string;
  clusterId?: string | undefined;
  /** Namespaces the operation reads or writes; each must fall under the grant's patterns. */
  namespaces?: readonly string[] | undefined;
}

/** `shop-*` matches `shop-web`; patterns are globs with `*` only. */
export function namespaceMatches(pattern: string, namespace: string): boolean {
  const literal = (part: string) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const regex = new RegExp(`^${pattern.split('*').map(literal).join('.*')}$`);
  return regex.test(namespace);
}

/**
 * The one authorization check every resolver makes before acting. Passes when some grant of the principal
 * in the target's tenant allows the action and covers the cluster and namespaces. A caller with no grant in
 * the tenant gets NOT_FOUND (the tenant's existence is not revealed); one whose grants fall short gets
 * FORBIDDEN.
 */
export function authorize(principal: Principal, action: Action, target: Target): void {
  if (principal.kind === 'admin') return;
  const inTenant = principal.grants.filter((g) => g.tenantId === target.tenantId);
  if (inTenant.length === 0) throw new NotFoundError('Tenant', target.tenantId);
  if (allows(principal, action, target)) return;
  const roles = [...new Set(inTenant.map((g) => g.role))].join(', ');
  throw new ForbiddenError(
    `your role (${roles}) in this tenant does not allow '${action}' here; ask a tenant admin for a binding that does`,
  );
}

/** Whether `authorize` would pass, for checks that refuse with a message of their own. */
export function allows(principal: Principal, action: Action, target: Target): boolean {
  if (principal.kind === 'admin') return true;
  return principal.grants.some(
    (g) =>
      g.tenantId === target.tenantId &&
      roleAllows(g.role, action) &&
      (target.clusterId === undefined || g.clusterIds.length === 0 || g.clusterIds.includes(target.clusterId)) &&
      (target.namespaces === undefined ||
        g.namespaces.length === 0 ||
        target.namespaces.every((ns) => g.namespaces.some((p) => namespaceMatches(p, ns)))),
  );
}

/** Only the hub's administrators (built-in token or an admin group) manage tenants. */
export function authorizeHubAdmin(principal: Principal): void {
  if (principal.kind !== 'admin') throw new ForbiddenError('only a hub administrator may do this');
}

/**
 * For operations whose effect is not bounded by any cluster or namespace (registering a cluster, changing the
 * tenant): only a grant narrowed to neither allows them, so a narrowed admin cannot make itself an object
 * outside its narrowing. `what` names the operation in the refusal.
 */
export function authorizeWholeTenant(principal: Principal, action: Action, tenantId: string, what: string): void {
  authorize(principal, action, { tenantId });
  if (principal.kind === 'admin') return;
  const whole = principal.grants.some(
    (g) =>
      g.tenantId === tenantId && roleAllows(g.role, action) && g.clusterIds.length === 0 && g.namespaces.length === 0,
  );
  if (!whole) {
    throw new ForbiddenError(
      `${what} reaches beyond the clusters and namespaces your binding is narrowed to; ask a tenant admin whose binding is not narrowed`,
    );
  }
}
