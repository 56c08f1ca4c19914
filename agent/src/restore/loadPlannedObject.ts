import type { ItemSpool } from './ItemSpool.ts';
import type { KubeObject } from './KubeObject.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';

/**
 * A planned item's object as it goes to the target, read back from the spool: its namespace (or, for a
 * Namespace, its name) mapped as the plan says; per-kind actions not yet run. The spool holds only bytes that
 * `spoolArchive` verified and `parseArchivedObject` accepted, so they are trusted here. Each call reads a new
 * copy, which the caller may change.
 */
export async function loadPlannedObject(spool: ItemSpool, item: RestorePlanItem): Promise<KubeObject> {
  const object = JSON.parse((await spool.read(item.entry.path)).toString('utf8')) as KubeObject;
  object.metadata.name = item.name;
  if (item.targetNamespace !== null) object.metadata.namespace = item.targetNamespace;
  return object;
}
