import type { RoleName } from '../auth/meQuery.ts';

/** What each role may do, as the Access screen explains it (schema `Role`). */
export const roleDescriptions: Record<RoleName, string> = {
  admin: 'everything in the tenant: clusters, locations, credentials, access',
  operator: 'run backups and restores; edit policies, rules and schedules',
  viewer: 'read only',
};

/**
 * Where a binding or token applies, in words: "All clusters and namespaces", "Clusters prod-a, edge-1; all
 * namespaces", "All clusters; namespaces shop-*". A cluster the caller cannot name shows by its id.
 */
export function describeScope(
  scope: { clusterIds: readonly string[]; namespaces: readonly string[] },
  clusterNames: ReadonlyMap<string, string>,
): string {
  if (!scope.clusterIds.length && !scope.namespaces.length) return 'All clusters and namespaces';
  const clusters = scope.clusterIds.length
    ? `${scope.clusterIds.length === 1 ? 'Cluster' : 'Clusters'} ${scope.clusterIds.map((id) => clusterNames.get(id) ?? id).join(', ')}`
    : 'All clusters';
  const namespaces = scope.namespaces.length ? `namespaces ${scope.namespaces.join(', ')}` : 'all namespaces';
  return `${clusters}; ${namespaces}`;
}

export type TokenState = 'active' | 'expired' | 'revoked';

/** Whether an API token still works: revoked wins over expired. */
export function tokenState(token: { revokedAt: string | null; expiresAt: string | null }, now: number): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}
