import type { ObjectStore } from '../storage/ObjectStore.ts';
import { openRepository } from './openRepository.ts';
import { readObjectBytes } from './readObjectBytes.ts';
import { newObjectId, objectIdOf, repositoryLayout } from './repositoryLayout.ts';
import { unwrapMasterKey } from './unwrapMasterKey.ts';
import { checkKeyLength, wrapMasterKey } from './wrapMasterKey.ts';
import { WrongKeyError } from './WrongKeyError.ts';

/**
 * Rewraps the repository's master key under `newKek` (for a location's key rotation) and deletes the key
 * files `oldKek` opens, rewriting nothing else. The new key file is written and proven to open the
 * repository before any old one is deleted, so a rotation that dies midway leaves both keys working.
 */
export async function rewrapRepositoryKey(store: ObjectStore, oldKek: Buffer, newKek: Buffer): Promise<void> {
  checkKeyLength('key-encryption key', newKek);
  await openRepository(store, oldKek);
  const old: { key: string; masterKey: Buffer }[] = [];
  for await (const key of store.list(repositoryLayout.keys)) {
    if (objectIdOf(key, repositoryLayout.keys) === undefined) continue;
    try {
      old.push({ key, masterKey: unwrapMasterKey(await readObjectBytes(store, key), oldKek, key) });
    } catch (error) {
      if (!(error instanceof WrongKeyError)) throw error;
    }
  }
  // openRepository found a key file that opens the config with `oldKek`; rewrap each such master key.
  const fresh = old.map(({ masterKey }) => ({ key: repositoryLayout.keyFile(newObjectId()), masterKey }));
  for (const { key, masterKey } of fresh) await store.put(key, wrapMasterKey(masterKey, newKek));
  await openRepository(store, newKek);
  for (const { key } of old) await store.delete(key);
}
