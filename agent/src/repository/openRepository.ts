import { ObjectNotFoundError } from '../storage/ObjectNotFoundError.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { NoRepositoryError } from './NoRepositoryError.ts';
import { openObject } from './openObject.ts';
import { readObjectBytes } from './readObjectBytes.ts';
import type { Repository } from './Repository.ts';
import { parseRepositoryConfig } from './RepositoryConfig.ts';
import { RepositoryKeys } from './RepositoryKeys.ts';
import { objectIdOf, repositoryLayout } from './repositoryLayout.ts';
import { StoredRepository } from './StoredRepository.ts';
import { unwrapMasterKey } from './unwrapMasterKey.ts';
import { checkKeyLength } from './wrapMasterKey.ts';
import { WrongKeyError } from './WrongKeyError.ts';

/**
 * Opens the repository in `store` with its key-encryption key: unwraps the master key from a key file
 * (`WrongKeyError` when no key file opens with `kek`), reads the sealed config and loads every index object.
 * A location without a repository throws `NoRepositoryError`.
 */
export async function openRepository(store: ObjectStore, kek: Buffer): Promise<Repository> {
  checkKeyLength('key-encryption key', kek);
  let sealedConfig: Buffer;
  try {
    sealedConfig = await readObjectBytes(store, repositoryLayout.config);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) throw new NoRepositoryError(store.describe(), `there is no ${repositoryLayout.config}`);
    throw error;
  }
  const keyFiles: string[] = [];
  for await (const key of store.list(repositoryLayout.keys)) {
    if (objectIdOf(key, repositoryLayout.keys) !== undefined) keyFiles.push(key);
  }
  if (keyFiles.length === 0) {
    throw new CorruptObjectError(repositoryLayout.keys, 'it holds no key file, so no key can open the repository');
  }
  let refused: Error | undefined;
  for (const keyFile of keyFiles) {
    try {
      const keys = new RepositoryKeys(unwrapMasterKey(await readObjectBytes(store, keyFile), kek, keyFile));
      // A key file left by an initialisation that lost a race opens with the same key but not the config.
      const config = parseRepositoryConfig(openObject(keys, 'config', sealedConfig, repositoryLayout.config), repositoryLayout.config);
      return await StoredRepository.load(store, keys, config);
    } catch (error) {
      const refusal = error instanceof CorruptObjectError && [keyFile, repositoryLayout.config].includes(error.what);
      if (!(error instanceof WrongKeyError) && !refusal) throw error;
      // A wrong key says more than a config sealed under another master key: report that one.
      if (!(refused instanceof WrongKeyError)) refused = error;
    }
  }
  throw refused!;
}
