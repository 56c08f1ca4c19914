import type { IndexEntry } from '../backup/IndexEntry.ts';
import type { KubeObject } from './KubeObject.ts';

/** One object the restore is to apply: where it came from, and the object as it goes to the target. */
export interface RestorePlanItem {
  /** The item's index entry in the backup: source namespace and name, type, path in the archive. */
  entry: IndexEntry;
  /** `kubectl api-resources` name of the type (`configmaps`, `deployments.apps`). */
  type: string;
  /** The namespace in the target cluster (after `namespaceMapping`); null for cluster-scoped objects. */
  targetNamespace: string | null;
  /** The object with its namespace (or, for a Namespace, its name) mapped; per-kind actions not yet run. */
  object: KubeObject;
}

/** `kubectl api-resources` name of an entry's type. */
export function typeNameOf(entry: Pick<IndexEntry, 'group' | 'resource'>): string {
  return entry.group === '' ? entry.resource : `${entry.resource}.${entry.group}`;
}
