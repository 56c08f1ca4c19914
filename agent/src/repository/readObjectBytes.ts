import { ChecksumMismatchError } from '../storage/ChecksumMismatchError.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';

/**
 * A whole repository object. A digest mismatch (the store's own check) is reported as the
 * `CorruptObjectError` it is; a missing object rejects with the store's `ObjectNotFoundError`.
 */
export async function readObjectBytes(store: ObjectStore, key: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  try {
    for await (const piece of await store.get(key)) pieces.push(piece as Buffer);
  } catch (error) {
    if (error instanceof ChecksumMismatchError) {
      throw new CorruptObjectError(key, 'its bytes differ from those written (SHA-256 mismatch)', { cause: error });
    }
    throw error;
  }
  return Buffer.concat(pieces);
}
