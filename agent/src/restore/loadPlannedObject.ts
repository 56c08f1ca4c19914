import { JobFailure } from '../jobs/JobFailure.ts';
import type { ItemSpool } from './ItemSpool.ts';
import type { KubeObject } from './KubeObject.ts';
import { parseArchivedObject } from './parseArchivedObject.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';

/**
 * A planned item's object as it goes to the target, read back from the spool: its namespace (or, for a
 * Namespace, its name) mapped as the plan says; per-kind actions not yet run. The spool holds only bytes that
 * `spoolArchive` verified and `parseArchivedObject` accepted; they are parsed again as they are read back, so a
 * spool file changed on the node fails the restore naming the item (`JobFailure`) rather than reaching the
 * cluster typed by assumption. Each call reads a new copy, which the caller may change.
 */
export async function loadPlannedObject(spool: ItemSpool, item: RestorePlanItem): Promise<KubeObject> {
  const bytes = await spool.read(item.entry.path);
  let object: KubeObject;
  try {
    object = parseArchivedObject(item.entry, bytes);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    throw new JobFailure(`item '${item.entry.path}' read back from the restore's spool is damaged: ${problem}`, { cause: error });
  }
  object.metadata.name = item.name;
  if (item.targetNamespace !== null) object.metadata.namespace = item.targetNamespace;
  return object;
}
