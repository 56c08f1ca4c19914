import type { Me, RoleName } from '../auth/meQuery.ts';

/** What an action touches, as the hub's `authorize` sees it. */
export interface OperateTarget {
  tenantId: string;
  clusterId: string;
  /**
   * Namespace names or patterns; an empty list means every namespace (`*`), as the hub counts it. Left out:
   * whether the caller may operate on some namespaces of the cluster.
   */
  namespaces?: readonly string[];
}

const operating: readonly RoleName[] = ['operator', 'admin'];

/** `shop-*` matches `shop-web`: globs with `*` only, as the hub matches grant patterns. */
export function namespaceMatches(pattern: string, namespace: string): boolean {
  const literal = (part: string) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${pattern.split('*').map(literal).join('.*')}$`).test(namespace);
}

/**
 * Whether the caller may start or delete a backup of these namespaces of the cluster: a hub administrator,
 * or a grant of operator or admin in the tenant that covers the cluster (none listed: all) and every
 * namespace (none listed: all; a target without namespaces asks about the cluster alone). Mirrors the hub's check so the console offers only what the hub would
 * allow; the hub still decides, and a refusal shows as FORBIDDEN.
 */
export function mayOperate(me: Me, target: OperateTarget): boolean {
  if (me.hubAdmin) return true;
  const touched = target.namespaces === undefined ? undefined : target.namespaces.length > 0 ? target.namespaces : ['*'];
  return me.grants.some(
    (g) =>
      g.tenantId === target.tenantId &&
      operating.includes(g.role) &&
      (g.clusterIds.length === 0 || g.clusterIds.includes(target.clusterId)) &&
      (touched === undefined || g.namespaces.length === 0 || touched.every((ns) => g.namespaces.some((p) => namespaceMatches(p, ns)))),
  );
}
