import type { Grant, Principal } from '../auth/Principal.ts';
import { ForbiddenError } from '../errors/errors.ts';
import { authorize } from './authorize.ts';
import { grantCovers } from './grantCovers.ts';

/**
 * Escalation prevention, as Kubernetes RBAC has it: a tenant admin may create, see or remove a role binding or
 * an API token only when one of its own grants covers it (`grantCovers`: a role as strong, its clusters and
 * namespaces within). An admin narrowed to cluster c1 can hand out c1 and no more, and cannot revoke the
 * bindings of the tenant's un-narrowed admins.
 */
export function authorizeGrant(principal: Principal, wanted: Grant): void {
  authorize(principal, 'administer', { tenantId: wanted.tenantId });
  if (mayGrant(principal, wanted)) return;
  throw new ForbiddenError(
    `you may grant or remove only a role, clusters and namespaces you hold yourself; '${wanted.role}' ` +
      `${describeNarrowing(wanted)} reaches further than your bindings in this tenant`,
  );
}

/** Whether the principal holds `wanted` itself (`authorizeGrant` without the admin check). */
export function mayGrant(principal: Principal, wanted: Grant): boolean {
  return principal.kind === 'admin' || principal.grants.some((g) => grantCovers(g, wanted));
}

function describeNarrowing(grant: Grant): string {
  const clusters = grant.clusterIds.length ? `on clusters ${grant.clusterIds.join(', ')}` : 'on every cluster';
  const namespaces = grant.namespaces.length ? `in namespaces ${grant.namespaces.join(', ')}` : 'in every namespace';
  return `${clusters} ${namespaces}`;
}
