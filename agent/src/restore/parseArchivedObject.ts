import type { IndexEntry } from '../backup/IndexEntry.ts';
import type { KubeObject } from './KubeObject.ts';
import { apiVersionOf } from './RestorePlanItem.ts';

/**
 * The object an archived file holds, checked against its index entry: JSON of an object whose `apiVersion`,
 * `kind`, name and namespace are the entry's. The plan is made from the entries and the object is applied
 * under the entry's identity, so a file that says otherwise must not reach the cluster. Throws an `Error`
 * saying what disagrees; the caller names the item.
 */
export function parseArchivedObject(entry: IndexEntry, bytes: Buffer): KubeObject {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`it is not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const object = value as Partial<KubeObject> | null;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) throw new Error('it is not a JSON object');
  const metadata = object.metadata as Partial<KubeObject['metadata']> | undefined;
  const found = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: metadata?.name,
    namespace: metadata?.namespace || null,
  };
  const expected = { apiVersion: apiVersionOf(entry), kind: entry.kind, name: entry.name, namespace: entry.namespace };
  for (const field of ['apiVersion', 'kind', 'name', 'namespace'] as const) {
    if (found[field] !== expected[field]) {
      const [is, recorded] = [JSON.stringify(found[field]), JSON.stringify(expected[field])];
      throw new Error(`its ${field} is ${is}, but the index records ${recorded}`);
    }
  }
  return object as KubeObject;
}
