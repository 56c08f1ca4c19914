import type { ObjectStore } from '../storage/ObjectStore.ts';
import type { ChunkIndex } from './ChunkIndex.ts';
import type { ChunkLocation, ChunkLocator } from './ChunkLocation.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { loadIndex } from './loadIndex.ts';
import { MissingChunkError } from './MissingChunkError.ts';
import { readChunk } from './readChunk.ts';
import { readObjectBytes } from './readObjectBytes.ts';
import { rebuildIndex } from './rebuildIndex.ts';
import type { ChunkRef, ContentWriter, IndexRebuild, Repository, SnapshotInfo } from './Repository.ts';
import type { RepositoryConfig } from './RepositoryConfig.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { objectIdOf, objectIdPattern, repositoryLayout } from './repositoryLayout.ts';
import { RepositoryWriter } from './RepositoryWriter.ts';
import { openSnapshotInfo, openSnapshotManifest, snapshotInfoEnd } from './snapshotObject.ts';

/** Chunks fetched ahead of the one being consumed, so restores keep several ranged reads in flight. */
const readAhead = 8;
/** First read of a snapshot object when listing: holds the info of any snapshot with ordinary tags. */
const infoProbe = 8 * 1024;

/** A repository in a location, opened with its keys (see `initRepository`, `openRepository`). */
export class StoredRepository implements Repository {
  /** The loaded index first, then what writers of this process indexed since. */
  #segments: ChunkIndex[];
  readonly #known: ChunkLocator = { locate: (id) => this.#locate(id) };

  constructor(
    private readonly store: ObjectStore,
    private readonly keys: RepositoryKeys,
    readonly config: RepositoryConfig,
    index: ChunkIndex,
  ) {
    this.#segments = [index];
  }

  /** Opens the repository's index objects into memory. */
  static async load(store: ObjectStore, keys: RepositoryKeys, config: RepositoryConfig): Promise<StoredRepository> {
    const { index } = await loadIndex(store, keys);
    return new StoredRepository(store, keys, config, index);
  }

  openWriter(): ContentWriter {
    return new RepositoryWriter({
      store: this.store,
      keys: this.keys,
      config: this.config,
      known: this.#known,
      publish: (index) => this.#segments.push(index),
    });
  }

  async *readContent(chunks: readonly ChunkRef[]): AsyncIterable<Buffer> {
    const window: Promise<Buffer>[] = [];
    let next = 0;
    const fetchNext = () => {
      const fetching = this.#readChunk(chunks[next++]!);
      // Awaited in order below; until then a failure must not count as unhandled.
      fetching.catch(() => undefined);
      window.push(fetching);
    };
    while (next < chunks.length && window.length < readAhead) fetchNext();
    while (window.length > 0) {
      const data = await window.shift()!;
      if (next < chunks.length) fetchNext();
      yield data;
    }
  }

  async listSnapshots(): Promise<SnapshotInfo[]> {
    const snapshots: SnapshotInfo[] = [];
    for await (const key of this.store.list(repositoryLayout.snapshots)) {
      const id = objectIdOf(key, repositoryLayout.snapshots);
      if (id === undefined) continue;
      let head = await this.store.getRange(key, 0, infoProbe);
      const end = snapshotInfoEnd(head, key);
      if (end > head.length) head = await this.store.getRange(key, 0, end);
      snapshots.push(openSnapshotInfo(this.keys, id, head, key));
    }
    return snapshots.sort((a, b) => a.time.getTime() - b.time.getTime() || a.id.localeCompare(b.id));
  }

  async readSnapshot(id: string): Promise<{ info: SnapshotInfo; manifest: Buffer }> {
    if (!objectIdPattern.test(id)) throw new RangeError(`'${id}' is not a snapshot id (32 hex digits)`);
    const key = repositoryLayout.snapshot(id);
    const bytes = await readObjectBytes(this.store, key);
    return { info: openSnapshotInfo(this.keys, id, bytes, key), manifest: openSnapshotManifest(this.keys, bytes, key) };
  }

  async rebuildIndex(): Promise<IndexRebuild> {
    const { index, result } = await rebuildIndex(this.store, this.keys);
    // Segments published by this process's writers stay: their packs may be newer than the rebuild's listing.
    this.#segments = [index, ...this.#segments.slice(1)];
    return result;
  }

  #locate(id: Buffer): ChunkLocation | undefined {
    for (const segment of this.#segments) {
      const location = segment.locate(id);
      if (location) return location;
    }
    return undefined;
  }

  async #readChunk(ref: ChunkRef): Promise<Buffer> {
    const location = this.#locate(ref.id);
    if (!location) throw new MissingChunkError(ref.id.toString('hex'));
    const plain = await readChunk(this.store, this.keys, ref.id, location, this.config.chunkSizes.max);
    if (plain.length !== ref.length) {
      throw new CorruptObjectError(`chunk ${ref.id.toString('hex')}`, `it is listed as ${ref.length} bytes but holds ${plain.length}`);
    }
    return plain;
  }
}
