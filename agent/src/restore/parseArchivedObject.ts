import { WireError } from '#schema/contracts/WireError';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import type { KubeObject } from './KubeObject.ts';
import { parseKubeObject } from './parseKubeObject.ts';
import { apiVersionOf } from './RestorePlanItem.ts';

/**
 * The object an archived file holds, checked against its index entry: JSON of an object whose `apiVersion`,
 * `kind`, name and namespace are the entry's. The plan is made from the entries and the object is applied
 * under the entry's identity, so a file that says otherwise must not reach the cluster; its metadata must have
 * the types `parseKubeObject` checks. Throws an `Error` saying what is wrong; the caller names the item.
 */
export function parseArchivedObject(entry: IndexEntry, bytes: Buffer): KubeObject {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`it is not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  let object: KubeObject;
  try {
    object = parseKubeObject(value);
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    throw new Error(`it is not a Kubernetes object: ${error.message}`, { cause: error });
  }
  const found = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
    namespace: object.metadata.namespace || null,
  };
  const expected = { apiVersion: apiVersionOf(entry), kind: entry.kind, name: entry.name, namespace: entry.namespace };
  for (const field of ['apiVersion', 'kind', 'name', 'namespace'] as const) {
    if (found[field] !== expected[field]) {
      const [is, recorded] = [JSON.stringify(found[field]), JSON.stringify(expected[field])];
      throw new Error(`its ${field} is ${is}, but the index records ${recorded}`);
    }
  }
  return object;
}
