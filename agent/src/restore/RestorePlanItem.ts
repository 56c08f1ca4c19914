import type { IndexEntry } from '../backup/IndexEntry.ts';

/**
 * One object the restore is to apply, known from its index entry alone: the object itself stays in the
 * archive (or the restore's spool) until it is applied, so a plan costs memory per item, not per byte.
 */
export interface RestorePlanItem {
  /** The item's index entry in the backup: source namespace and name, type, path in the archive. */
  entry: IndexEntry;
  /** `kubectl api-resources` name of the type (`configmaps`, `deployments.apps`). */
  type: string;
  /** The namespace in the target cluster (after `namespaceMapping`); null for cluster-scoped objects. */
  targetNamespace: string | null;
  /** The object's name in the target: the entry's, except a Namespace's, which `namespaceMapping` maps. */
  name: string;
}

/** `kubectl api-resources` name of an entry's type. */
export function typeNameOf(entry: Pick<IndexEntry, 'group' | 'resource'>): string {
  return entry.group === '' ? entry.resource : `${entry.resource}.${entry.group}`;
}

/** The `apiVersion` the entry's object carries (`v1`, `apps/v1`). */
export function apiVersionOf(entry: Pick<IndexEntry, 'group' | 'version'>): string {
  return entry.group === '' ? entry.version : `${entry.group}/${entry.version}`;
}
