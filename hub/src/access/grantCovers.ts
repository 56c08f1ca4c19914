import type { Grant } from '../auth/Principal.ts';
import { namespaceMatches } from './authorize.ts';
import { roles } from './Role.ts';

/** Where a grant reaches: cluster ids and namespace patterns, each empty for "all". */
export type Narrowing = Pick<Grant, 'clusterIds' | 'namespaces'>;

/**
 * Whether `holder` reaches every cluster and namespace `wanted` reaches. An empty list reaches everything, so
 * only an empty list covers an empty list. A wanted pattern is covered when a holder pattern matches it as a
 * literal name (`shop-*` covers `shop-*` and `shop-web-*`, not `*` or `sh*`): the holder's `*` then stands for
 * every name the wanted `*` can stand for, so the check never admits a namespace the holder lacks.
 */
export function narrowingCovers(holder: Narrowing, wanted: Narrowing): boolean {
  const clusters =
    holder.clusterIds.length === 0 ||
    (wanted.clusterIds.length > 0 && wanted.clusterIds.every((id) => holder.clusterIds.includes(id)));
  const namespaces =
    holder.namespaces.length === 0 ||
    (wanted.namespaces.length > 0 &&
      wanted.namespaces.every((ns) => holder.namespaces.some((p) => namespaceMatches(p, ns))));
  return clusters && namespaces;
}

/** Whether `holder` is at least `wanted`: same tenant, a role as strong, and a narrowing as wide. */
export function grantCovers(holder: Grant, wanted: Grant): boolean {
  return (
    holder.tenantId === wanted.tenantId &&
    roles.indexOf(holder.role) <= roles.indexOf(wanted.role) &&
    narrowingCovers(holder, wanted)
  );
}
