/** A namespace as the cluster lists it, reduced to what selection needs. */
export interface ClusterNamespace {
  name: string;
  /** `Active` or `Terminating`. */
  phase: string | undefined;
}

/** The namespaces a backup takes, and what the selection had to say about the spec. */
export interface NamespaceSelection {
  /** Sorted names. */
  namespaces: string[];
  warnings: string[];
}

/**
 * Resolves include/exclude namespace lists (names or `*` globs) against the namespaces the cluster has. An
 * empty include list means every namespace; an exclude always wins. Terminating namespaces are skipped with a
 * warning: their objects are being deleted, and a restore would recreate what someone just removed. An
 * include entry that matches nothing is a warning, since it is most likely a typo.
 */
export function selectNamespaces(
  include: readonly string[],
  exclude: readonly string[],
  clusterNamespaces: readonly ClusterNamespace[],
): NamespaceSelection {
  const warnings: string[] = [];
  const includes = include.map(globToRegExp);
  const excludes = exclude.map(globToRegExp);
  for (const [i, pattern] of includes.entries()) {
    if (!clusterNamespaces.some((ns) => pattern.test(ns.name))) {
      warnings.push(`includeNamespaces: '${include[i]}' matches no namespace in the cluster`);
    }
  }
  const namespaces: string[] = [];
  for (const ns of clusterNamespaces) {
    if (includes.length > 0 && !includes.some((p) => p.test(ns.name))) continue;
    if (excludes.some((p) => p.test(ns.name))) continue;
    if (ns.phase === 'Terminating') {
      warnings.push(`namespace ${ns.name} is being deleted and is not backed up`);
      continue;
    }
    namespaces.push(ns.name);
  }
  return { namespaces: namespaces.sort(), warnings };
}

/** `shop-*` → /^shop-.*$/: `*` is any run of characters, everything else literal. */
export function globToRegExp(glob: string): RegExp {
  const literal = glob.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('.*')}$`);
}
