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
  /** Namespaces the spec names exactly (no `*`) that the cluster does not have: something asked for is missing. */
  errors: string[];
}

/**
 * Resolves include/exclude namespace lists (names or `*` globs) against the namespaces the cluster has. An
 * empty include list means every namespace; an exclude always wins. Terminating namespaces are skipped with a
 * warning: their objects are being deleted, and a restore would recreate what someone just removed. An
 * include name (no `*`) that the cluster does not have is an error, which makes the backup `PartiallyFailed`:
 * the spec asked for that namespace and the backup does not hold it. An include glob that matches nothing is a
 * warning, since a pattern may legitimately match nothing at times.
 */
export function selectNamespaces(
  include: readonly string[],
  exclude: readonly string[],
  clusterNamespaces: readonly ClusterNamespace[],
): NamespaceSelection {
  const warnings: string[] = [];
  const errors: string[] = [];
  const includes = include.map(globToRegExp);
  const excludes = exclude.map(globToRegExp);
  for (const [i, pattern] of includes.entries()) {
    if (clusterNamespaces.some((ns) => pattern.test(ns.name))) continue;
    const entry = include[i] ?? '';
    if (entry.includes('*')) {
      warnings.push(`includeNamespaces: '${entry}' matches no namespace in the cluster`);
    } else {
      errors.push(`includeNamespaces: namespace '${entry}' does not exist in the cluster, so nothing of it is backed up`);
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
  return { namespaces: namespaces.sort(), warnings, errors };
}

/** `shop-*` → /^shop-.*$/: `*` is any run of characters, everything else literal. */
export function globToRegExp(glob: string): RegExp {
  const literal = glob.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('.*')}$`);
}
