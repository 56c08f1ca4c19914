import { ObjectNotFoundError } from '../storage/ObjectNotFoundError.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import type { ChunkLocation } from './ChunkLocation.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { decodeChunk } from './decodeChunk.ts';
import { openObject } from './openObject.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { repositoryLayout } from './repositoryLayout.ts';

/** A chunk to read: its id and where it is. */
export interface ChunkRead {
  readonly id: Buffer;
  readonly location: ChunkLocation;
}

/**
 * The plain bytes of chunks that lie one after another in one pack, fetched with one ranged read, each
 * authenticated, decoded, and checked against its id and length: whatever fails names the chunk and the pack.
 */
export async function readChunks(
  store: ObjectStore,
  keys: RepositoryKeys,
  run: readonly ChunkRead[],
  maxLength: number,
): Promise<Buffer[]> {
  const first = run[0]!.location;
  const last = run.at(-1)!.location;
  const pack = repositoryLayout.pack(first.pack);
  const what = (id: Buffer) => `chunk ${id.toString('hex')} in ${pack}`;
  let bytes: Buffer;
  try {
    bytes = await store.getRange(pack, first.offset, last.offset + last.length - first.offset);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) throw new CorruptObjectError(what(run[0]!.id), 'its pack is gone', { cause: error });
    throw error;
  }
  return run.map(({ id, location }) => {
    const start = location.offset - first.offset;
    const sealed = bytes.subarray(start, start + location.length);
    if (sealed.length !== location.length) {
      throw new CorruptObjectError(what(id), `the pack ends ${location.length - sealed.length} bytes early: it was truncated`);
    }
    const plain = decodeChunk(openObject(keys, 'pack', sealed, what(id)), maxLength, what(id));
    if (plain.length !== location.plainLength || !keys.chunkId(plain).equals(id)) {
      throw new CorruptObjectError(what(id), 'its content does not match its id');
    }
    return plain;
  });
}

/** One chunk: `readChunks` of one. */
export async function readChunk(
  store: ObjectStore,
  keys: RepositoryKeys,
  id: Buffer,
  location: ChunkLocation,
  maxLength: number,
): Promise<Buffer> {
  const [plain] = await readChunks(store, keys, [{ id, location }], maxLength);
  return plain!;
}
