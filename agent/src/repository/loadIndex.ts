import type { ObjectStore } from '../storage/ObjectStore.ts';
import type { ChunkIndex } from './ChunkIndex.ts';
import { ChunkTable } from './ChunkTable.ts';
import { forEachBounded } from './forEachBounded.ts';
import { readIndexObject } from './indexObject.ts';
import { openObject } from './openObject.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { objectIdOf, repositoryLayout } from './repositoryLayout.ts';
import { readObjectBytes } from './readObjectBytes.ts';

/** Index objects fetched at once. */
const objectsInFlight = 8;

/** Every index object of the repository, merged into one sorted index. */
export async function loadIndex(store: ObjectStore, keys: RepositoryKeys): Promise<ChunkIndex> {
  const table = new ChunkTable();
  const objects: string[] = [];
  for await (const key of store.list(repositoryLayout.indexes)) {
    if (objectIdOf(key, repositoryLayout.indexes) !== undefined) objects.push(key);
  }
  // Every saved snapshot adds an index object: fetched several at a time, so opening stays quick.
  await forEachBounded(objects, objectsInFlight, async (key) => {
    readIndexObject(openObject(keys, 'index', await readObjectBytes(store, key), key), key, table);
  });
  return table.toIndex();
}
