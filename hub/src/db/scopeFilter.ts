/**
 * What a request may see, enforced by the ORM on every query of a tenant-owned entity: rows of other tenants,
 * and of clusters outside a narrowed binding, are never loaded, whatever a resolver forgets to check.
 */
export type Scope = { all: true } | PartialScope;

export interface PartialScope {
  all: false;
  /** Tenants in which the caller holds any binding. */
  tenantIds: string[];
  /** Tenants in which some binding covers every cluster. */
  allClustersTenantIds: string[];
  /** Clusters reachable through cluster-narrowed bindings. */
  clusterIds: string[];
  /**
   * The caller's grants, for `namespaceScopeFilter`, which keeps each grant's tenant, clusters and namespaces
   * together; absent where no grant is narrowed to namespaces (an agent's scope).
   */
  grants?: readonly ScopeGrant[];
}

/** Where one grant reaches: empty lists mean every cluster or namespace of the tenant. */
export interface ScopeGrant {
  tenantId: string;
  clusterIds: readonly string[];
  namespaces: readonly string[];
}

export const scopeFilterName = 'scope';

/** Filter for entities owned by a tenant but not by one cluster (locations, credentials, policies, …). */
export const tenantScopeFilter = {
  name: scopeFilterName,
  default: true,
  cond: (scope: Scope) => (scope.all ? {} : { tenantId: { $in: scope.tenantIds } }),
};

/**
 * Filter for entities that belong to one cluster (`clusterKey` names the column holding its id). The tenant is
 * always part of the condition: a row that names a cluster of the caller's but a tenant that is not stays
 * hidden, so no row's cluster column alone can carry it into another tenant's view.
 */
export function clusterScopeFilter(clusterKey: 'id' | 'clusterId') {
  return {
    name: scopeFilterName,
    default: true,
    cond: (scope: Scope) =>
      scope.all
        ? {}
        : {
            tenantId: { $in: scope.tenantIds },
            $or: [
              { tenantId: { $in: scope.allClustersTenantIds } },
              { [clusterKey]: { $in: scope.clusterIds } },
            ],
          },
  };
}
