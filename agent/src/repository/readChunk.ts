import { ObjectNotFoundError } from '../storage/ObjectNotFoundError.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import type { ChunkLocation } from './ChunkLocation.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { decodeChunk } from './decodeChunk.ts';
import { openObject } from './openObject.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { repositoryLayout } from './repositoryLayout.ts';

/**
 * A chunk's plain bytes, fetched with one ranged read of its pack, authenticated, decoded, and checked
 * against its id and length: whatever fails names the chunk and the pack.
 */
export async function readChunk(
  store: ObjectStore,
  keys: RepositoryKeys,
  id: Buffer,
  location: ChunkLocation,
  maxLength: number,
): Promise<Buffer> {
  const pack = repositoryLayout.pack(location.pack);
  const what = `chunk ${id.toString('hex')} in ${pack}`;
  let sealed: Buffer;
  try {
    sealed = await store.getRange(pack, location.offset, location.length);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) throw new CorruptObjectError(what, 'its pack is gone', { cause: error });
    throw error;
  }
  if (sealed.length !== location.length) {
    throw new CorruptObjectError(what, `the pack ends ${location.length - sealed.length} bytes early: it was truncated`);
  }
  const plain = decodeChunk(openObject(keys, 'pack', sealed, what), maxLength, what);
  if (plain.length !== location.plainLength || !keys.chunkId(plain).equals(id)) {
    throw new CorruptObjectError(what, 'its content does not match its id');
  }
  return plain;
}
