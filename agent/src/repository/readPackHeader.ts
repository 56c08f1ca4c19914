import type { ObjectStore } from '../storage/ObjectStore.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { openObject } from './openObject.ts';
import { parsePackHeader, type PackEntry } from './packHeader.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { repositoryLayout } from './repositoryLayout.ts';

/** Largest sealed pack header read: 64 MiB lists about 1.5 million chunks, far more than a pack holds. */
const largestHeader = 64 * 1024 * 1024;

/** The chunks a pack lists in its own header, read with two ranged reads from its end. */
export async function readPackHeader(store: ObjectStore, keys: RepositoryKeys, pack: string): Promise<PackEntry[]> {
  const key = repositoryLayout.pack(pack);
  const size = (await store.head(key))?.size;
  const what = `pack ${key}`;
  if (size === undefined) throw new CorruptObjectError(what, 'it is gone');
  if (size < 4) throw new CorruptObjectError(what, `it is ${size} bytes long, too short for a pack`);
  const trailer = await store.getRange(key, size - 4, 4);
  if (trailer.length !== 4) throw new CorruptObjectError(what, 'it was cut short while being read');
  const headerLength = trailer.readUInt32LE(0);
  if (headerLength === 0 || headerLength > size - 4 || headerLength > largestHeader) {
    throw new CorruptObjectError(what, `its trailer gives a header of ${headerLength} bytes, which it cannot hold`);
  }
  const dataLength = size - 4 - headerLength;
  const sealed = await store.getRange(key, dataLength, headerLength);
  const header = openObject(keys, 'packHeader', sealed, `the header of ${what}`);
  return parsePackHeader(header, dataLength, `the header of ${what}`);
}
