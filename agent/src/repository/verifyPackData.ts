import type { ObjectStore } from '../storage/ObjectStore.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { decodeChunk } from './decodeChunk.ts';
import { openObject } from './openObject.ts';
import type { PackEntry } from './packHeader.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { RepositoryError } from './RepositoryError.ts';

/**
 * Fetches a pack's chunks and decrypts, decodes and re-hashes every chunk its header lists. Returns why the
 * pack is damaged, naming the first chunk that fails, or undefined when every chunk is intact.
 */
export async function verifyPackData(
  store: ObjectStore,
  keys: RepositoryKeys,
  key: string,
  entries: readonly PackEntry[],
  maxLength: number,
): Promise<string | undefined> {
  try {
    // The data part by a ranged read: each chunk authenticates itself, and a failure then names the chunk.
    const dataLength = Math.max(0, ...entries.map((entry) => entry.offset + entry.length));
    const bytes = dataLength === 0 ? Buffer.alloc(0) : await store.getRange(key, 0, dataLength);
    for (const entry of entries) {
      const what = `chunk ${entry.id.toString('hex')} in ${key}`;
      const plain = decodeChunk(openObject(keys, 'pack', bytes.subarray(entry.offset, entry.offset + entry.length), what), maxLength, what);
      if (plain.length !== entry.plainLength || !keys.chunkId(plain).equals(entry.id)) {
        throw new CorruptObjectError(what, 'its content does not match its id');
      }
    }
    return undefined;
  } catch (error) {
    if (error instanceof RepositoryError) return error.message;
    throw error;
  }
}
