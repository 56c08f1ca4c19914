import type { ObjectStore } from '../storage/ObjectStore.ts';
import type { ChunkIndex } from './ChunkIndex.ts';
import { ChunkTable } from './ChunkTable.ts';
import { readIndexObject } from './indexObject.ts';
import { openObject } from './openObject.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { objectIdOf, repositoryLayout } from './repositoryLayout.ts';
import { readObjectBytes } from './readObjectBytes.ts';

/** Every index object of the repository, merged into one sorted index, and the keys of the objects read. */
export async function loadIndex(store: ObjectStore, keys: RepositoryKeys): Promise<{ index: ChunkIndex; objects: string[] }> {
  const table = new ChunkTable();
  const objects: string[] = [];
  for await (const key of store.list(repositoryLayout.indexes)) {
    if (objectIdOf(key, repositoryLayout.indexes) === undefined) continue;
    const plaintext = openObject(keys, 'index', await readObjectBytes(store, key), key);
    readIndexObject(plaintext, key, table);
    objects.push(key);
  }
  return { index: table.toIndex(), objects };
}
