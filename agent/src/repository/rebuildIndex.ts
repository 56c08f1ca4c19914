import type { ObjectStore } from '../storage/ObjectStore.ts';
import type { ChunkIndex } from './ChunkIndex.ts';
import { ChunkTable } from './ChunkTable.ts';
import { encodeIndexObject } from './indexObject.ts';
import { readPackHeader } from './readPackHeader.ts';
import type { IndexRebuild } from './Repository.ts';
import { RepositoryError } from './RepositoryError.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { newObjectId, objectIdOf, repositoryLayout } from './repositoryLayout.ts';
import { sealObject } from './sealObject.ts';

/** Entries per rebuilt index object: about 3 MiB each. */
const entriesPerObject = 65_536;

/**
 * Indexes every pack from its own header, writes the result as new index objects, then deletes the index
 * objects listed before the packs were: every pack those listed was uploaded before them, so the new objects
 * cover it. Index objects that writers add meanwhile are newer than the listing and stay.
 */
export async function rebuildIndex(
  store: ObjectStore,
  keys: RepositoryKeys,
): Promise<{ index: ChunkIndex; result: IndexRebuild }> {
  const old: string[] = [];
  for await (const key of store.list(repositoryLayout.indexes)) {
    if (objectIdOf(key, repositoryLayout.indexes) !== undefined) old.push(key);
  }
  const table = new ChunkTable();
  const damagedPacks: { key: string; reason: string }[] = [];
  let packs = 0;
  for await (const key of store.list(repositoryLayout.packs)) {
    const id = objectIdOf(key, repositoryLayout.packs);
    if (id === undefined || key !== repositoryLayout.pack(id)) continue;
    try {
      for (const entry of await readPackHeader(store, keys, id)) {
        table.add(entry.id, { pack: id, offset: entry.offset, length: entry.length, plainLength: entry.plainLength });
      }
      packs++;
    } catch (error) {
      if (!(error instanceof RepositoryError)) throw error;
      damagedPacks.push({ key, reason: error.message });
    }
  }
  for (let from = 0; from < table.count; from += entriesPerObject) {
    const columns = table.columns(from, Math.min(table.count, from + entriesPerObject));
    await store.put(repositoryLayout.index(newObjectId()), sealObject(keys, 'index', encodeIndexObject(columns)));
  }
  for (const key of old) await store.delete(key);
  return { index: table.toIndex(), result: { packs, chunks: table.count, damagedPacks } };
}
