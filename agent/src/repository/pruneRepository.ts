import type { ObjectStore } from '../storage/ObjectStore.ts';
import { chunkIdLength, type ChunkLocation } from './ChunkLocation.ts';
import { ChunkTable } from './ChunkTable.ts';
import { encodeIndexObject } from './indexObject.ts';
import { loadIndex } from './loadIndex.ts';
import type { PackEntry } from './packHeader.ts';
import { readChunk } from './readChunk.ts';
import { readPackHeader } from './readPackHeader.ts';
import type { PruneOptions, PruneReport, Repository } from './Repository.ts';
import type { RepositoryConfig } from './RepositoryConfig.ts';
import { RepositoryError } from './RepositoryError.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { RepositoryLease } from './RepositoryLease.ts';
import { newObjectId, objectIdOf, repositoryLayout } from './repositoryLayout.ts';
import type { RepositoryWriter } from './RepositoryWriter.ts';
import { sealObject } from './sealObject.ts';

export interface PruneContext {
  readonly store: ObjectStore;
  readonly keys: RepositoryKeys;
  readonly config: RepositoryConfig;
  readonly readSnapshot: Repository['readSnapshot'];
  /** A writer that takes no lease of its own (prune holds the exclusive one) for the chunks it moves. */
  openWriter(): RepositoryWriter;
}

const defaultGraceMs = 24 * 60 * 60_000;
/** Entries per rewritten index object, as `rebuildIndex` writes them. */
const entriesPerObject = 65_536;
/** A set of ids only: the table needs a location, which marking does not use. */
const marked: ChunkLocation = { pack: '', offset: 0, length: 0, plainLength: 0 };

/** Mark and sweep; see `Repository.prune`. */
export async function pruneRepository(context: PruneContext, options: PruneOptions): Promise<PruneReport> {
  const lease = await RepositoryLease.take(context.store, context.keys, 'exclusive');
  try {
    return await prune(context, options);
  } finally {
    await lease.release();
  }
}

async function prune(context: PruneContext, options: PruneOptions): Promise<PruneReport> {
  const { store, keys, config } = context;
  const graceEnds = Date.now() - (options.graceMs ?? defaultGraceMs);
  const { live, snapshots } = await markLiveChunks(context, options);
  const oldIndexes: string[] = [];
  for await (const key of store.list(repositoryLayout.indexes)) {
    if (objectIdOf(key, repositoryLayout.indexes) !== undefined) oldIndexes.push(key);
  }
  // Loaded after the listing: it covers at least what the listed objects do.
  const index = await loadIndex(store, keys);
  const kept = new ChunkTable();
  /** Chunks kept in place or moved: a second copy elsewhere is dead. */
  const stored = new ChunkTable();
  const writer = context.openWriter();
  const doomed: string[] = [];
  const unreadablePacks: string[] = [];
  let packs = 0;
  let youngPacks = 0;
  let repackedPacks = 0;
  let removedChunks = 0;
  let removedBytes = 0;
  const keep = (pack: string, entries: readonly PackEntry[]) => {
    for (const { id, offset, length, plainLength } of entries) {
      kept.add(id, { pack, offset, length, plainLength });
      stored.add(id, marked);
    }
  };
  // A listing read page by page may meet the packs this prune writes as it goes: they are closed after
  // `graceEnds`, so they count as young and are kept, even with a grace of 0.
  for await (const key of store.list(repositoryLayout.packs)) {
    const pack = objectIdOf(key, repositoryLayout.packs);
    if (pack === undefined || key !== repositoryLayout.pack(pack)) continue;
    packs++;
    let header;
    try {
      header = await readPackHeader(store, keys, pack);
    } catch (error) {
      if (!(error instanceof RepositoryError)) throw error;
      unreadablePacks.push(key);
      for (const { id, location } of index.entries()) if (location.pack === pack) kept.add(id, location);
      continue;
    }
    const { created, entries } = header;
    if (created.getTime() > graceEnds) {
      youngPacks++;
      keep(pack, entries);
      continue;
    }
    const alive = entries.filter((entry) => live.has(entry.id) && !stored.has(entry.id));
    const liveBytes = alive.reduce((sum, entry) => sum + entry.length, 0);
    const allBytes = entries.reduce((sum, entry) => sum + entry.length, 0);
    if (alive.length > 0 && liveBytes * 2 >= allBytes) {
      keep(pack, entries);
      continue;
    }
    for (const entry of alive) {
      const location = { pack, offset: entry.offset, length: entry.length, plainLength: entry.plainLength };
      await writer.storeChunk(entry.id, await readChunk(store, keys, entry.id, location, config.chunkSizes.max));
      stored.add(entry.id, marked);
    }
    if (alive.length > 0) repackedPacks++;
    removedChunks += entries.length - alive.length;
    removedBytes += allBytes - liveBytes;
    doomed.push(key);
  }
  // New packs and their index first, then the rewritten index, and only then deletions: a prune that dies
  // midway leaves extra objects, never an index entry without its chunk.
  await writer.flush();
  for (let from = 0; from < kept.count; from += entriesPerObject) {
    const columns = kept.columns(from, Math.min(kept.count, from + entriesPerObject));
    await store.put(repositoryLayout.index(newObjectId()), sealObject(keys, 'index', encodeIndexObject(columns)));
  }
  for (const key of oldIndexes) await store.delete(key);
  for (const key of doomed) await store.delete(key);
  return {
    snapshots,
    packs,
    deletedPacks: doomed.length,
    repackedPacks,
    youngPacks,
    unreadablePacks,
    removedChunks,
    removedBytes,
  };
}

/** The ids of every chunk some snapshot refers to; throws if any snapshot does not open. */
async function markLiveChunks(context: PruneContext, options: PruneOptions): Promise<{ live: ChunkTable; snapshots: number }> {
  const live = new ChunkTable();
  let snapshots = 0;
  for await (const key of context.store.list(repositoryLayout.snapshots)) {
    const id = objectIdOf(key, repositoryLayout.snapshots);
    if (id === undefined) continue;
    snapshots++;
    const { manifest } = await context.readSnapshot(id);
    for (const chunk of options.chunksOf(manifest)) {
      if (chunk.length !== chunkIdLength) throw new RangeError(`chunksOf gave a chunk id of ${chunk.length} bytes for snapshot ${id}`);
      live.add(chunk, marked);
    }
  }
  return { live, snapshots };
}
