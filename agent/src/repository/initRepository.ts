import type { ObjectStore } from '../storage/ObjectStore.ts';
import { ChunkTable } from './ChunkTable.ts';
import type { Compression } from './Compression.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { openObject } from './openObject.ts';
import { readObjectBytes } from './readObjectBytes.ts';
import type { Repository } from './Repository.ts';
import { makeRepositoryConfig, type RepositoryConfig } from './RepositoryConfig.ts';
import { RepositoryExistsError } from './RepositoryExistsError.ts';
import { RepositoryKeys } from './RepositoryKeys.ts';
import { newObjectId, repositoryLayout } from './repositoryLayout.ts';
import { sealObject } from './sealObject.ts';
import { StoredRepository } from './StoredRepository.ts';
import { checkKeyLength, wrapMasterKey } from './wrapMasterKey.ts';

/** Settings of a new repository; every one defaults to repository v1's. */
export interface InitOptions {
  readonly compression?: Compression;
  /** Other chunk sizes make other chunks: for tests and measurements, not for locations. */
  readonly chunkSizes?: RepositoryConfig['chunkSizes'];
  /** The size at which writers close packs: for tests and measurements. */
  readonly packSize?: number;
}

/**
 * Creates a repository under `repository/` in `store`: a new master key, stored wrapped by `kek` in
 * `repository/keys/<id>`, then the sealed config, whose presence marks the repository as existing.
 * Refuses a location that holds one already (`RepositoryExistsError`), including one a concurrent
 * initialisation finished first: its config is read back and must open with this master key.
 */
export async function initRepository(store: ObjectStore, kek: Buffer, options: InitOptions = {}): Promise<Repository> {
  checkKeyLength('key-encryption key', kek);
  const config = makeRepositoryConfig(options);
  if (await store.head(repositoryLayout.config)) throw new RepositoryExistsError(store.describe());
  const masterKey = RepositoryKeys.createMasterKey();
  const keys = new RepositoryKeys(masterKey);
  const keyFile = repositoryLayout.keyFile(newObjectId());
  await store.put(keyFile, wrapMasterKey(masterKey, kek));
  await store.put(repositoryLayout.config, sealObject(keys, 'config', Buffer.from(JSON.stringify(config))));
  try {
    openObject(keys, 'config', await readObjectBytes(store, repositoryLayout.config), repositoryLayout.config);
  } catch (error) {
    if (!(error instanceof CorruptObjectError)) throw error;
    await store.delete(keyFile);
    throw new RepositoryExistsError(store.describe());
  }
  return new StoredRepository(store, keys, config, new ChunkTable().toIndex());
}
