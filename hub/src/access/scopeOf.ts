import type { Principal } from '../auth/Principal.ts';
import type { Scope } from '../db/scopeFilter.ts';

/** The rows a principal may see, as parameters of the ORM's scope filter. */
export function scopeOf(principal: Principal): Scope {
  if (principal.kind === 'admin') return { all: true };
  const tenantIds = new Set<string>();
  const allClustersTenantIds = new Set<string>();
  const clusterIds = new Set<string>();
  for (const grant of principal.grants) {
    tenantIds.add(grant.tenantId);
    if (grant.clusterIds.length === 0) allClustersTenantIds.add(grant.tenantId);
    for (const id of grant.clusterIds) clusterIds.add(id);
  }
  return {
    all: false,
    tenantIds: [...tenantIds],
    allClustersTenantIds: [...allClustersTenantIds],
    clusterIds: [...clusterIds],
    grants: principal.grants,
  };
}
