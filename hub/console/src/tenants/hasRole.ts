import type { Me, RoleName } from '../auth/meQuery.ts';

const rank: Record<RoleName, number> = { viewer: 1, operator: 2, admin: 3 };

/**
 * Whether the caller holds at least `role` in the tenant, as the hub's `authorize` would judge an action on
 * the tenant as a whole: hub administrators everywhere, others by their grants. The console uses it only to
 * offer or hide actions; the hub decides.
 */
export function hasRole(me: Me, tenantId: string, role: RoleName): boolean {
  if (me.hubAdmin) return true;
  return me.grants.some((g) => g.tenantId === tenantId && rank[g.role] >= rank[role]);
}
