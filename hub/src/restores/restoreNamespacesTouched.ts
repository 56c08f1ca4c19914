import { type RestoreSpec, targetNamespaceOf } from '#schema/contracts/RestoreSpec';
import { namespacesTouched } from '../backups/namespacesTouched.ts';

/**
 * The target namespaces a restore may write: its own namespace filter, else the backup's, each renamed by the
 * mapping; `*` when neither narrows it.
 */
export function restoreNamespacesTouched(
  spec: Pick<RestoreSpec, 'includeNamespaces' | 'namespaceMapping'>,
  backupIncludeNamespaces: readonly string[],
): string[] {
  const sources = spec.includeNamespaces.length > 0 ? spec.includeNamespaces : backupIncludeNamespaces;
  return namespacesTouched(sources.map((ns) => targetNamespaceOf(spec, ns)));
}
