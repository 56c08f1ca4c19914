import type { ObjectStore } from '../storage/ObjectStore.ts';
import { ChunkIndex } from './ChunkIndex.ts';
import type { ChunkLocator } from './ChunkLocation.ts';
import { chunkStream } from './chunkStream.ts';
import { ChunkTable } from './ChunkTable.ts';
import { encodeChunk } from './encodeChunk.ts';
import { encodeIndexObject } from './indexObject.ts';
import { PackBuilder } from './PackBuilder.ts';
import type { ChunkRef, ContentWriter, SnapshotInfo, WriteStats } from './Repository.ts';
import type { RepositoryConfig } from './RepositoryConfig.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { newObjectId, repositoryLayout } from './repositoryLayout.ts';
import { sealObject } from './sealObject.ts';
import { encodeSnapshotObject } from './snapshotObject.ts';
import { UploadQueue } from './UploadQueue.ts';

/** What a writer needs of its repository. */
export interface WriterContext {
  readonly store: ObjectStore;
  readonly keys: RepositoryKeys;
  readonly config: RepositoryConfig;
  /** Chunks the repository holds already (indexed by any writer, in this process or before it opened). */
  readonly known: ChunkLocator;
  /** Makes chunks this writer indexed readable and known to the repository's other writers. */
  publish(index: ChunkIndex): void;
}

/** Packs uploading at once: enough to keep a link busy while the next pack fills; each costs a pack of memory. */
const uploadsInFlight = 3;
/** Packs closed between index objects, so a backup killed midway leaves its uploaded chunks reusable. */
const packsPerIndex = 32;

/** A `ContentWriter` over packs, index objects and snapshot objects. */
export class RepositoryWriter implements ContentWriter {
  readonly #uploads = new UploadQueue(uploadsInFlight);
  /** This writer's new chunks, in the order they went into packs. */
  readonly #table = new ChunkTable();
  #pack: PackBuilder | undefined;
  /** Entries of `#table` in closed packs, and how many of those an index object already lists. */
  #closedEntries = 0;
  #indexedEntries = 0;
  #packsSinceIndex = 0;
  #indexing: Promise<void> = Promise.resolve();
  #stats: { -readonly [K in keyof WriteStats]: WriteStats[K] } = {
    bytesRead: 0,
    chunks: 0,
    newChunks: 0,
    newBytes: 0,
    storedBytes: 0,
  };

  constructor(private readonly context: WriterContext) {}

  async writeContent(source: AsyncIterable<Uint8Array>): Promise<ChunkRef[]> {
    const { keys, config, known } = this.context;
    const refs: ChunkRef[] = [];
    for await (const chunk of chunkStream(source, config.chunkSizes)) {
      const id = keys.chunkId(chunk);
      refs.push({ id, length: chunk.length });
      this.#stats.bytesRead += chunk.length;
      this.#stats.chunks++;
      if (this.#table.has(id) || known.locate(id)) continue;
      const sealed = sealObject(keys, 'pack', encodeChunk(chunk, config.compression));
      // Decided and done without an await, so concurrent calls never put one chunk in two packs.
      if (this.#pack && this.#pack.size + sealed.length > config.packSize) this.#closePack();
      this.#pack ??= new PackBuilder();
      const offset = this.#pack.add(id, sealed, chunk.length);
      this.#table.add(id, { pack: this.#pack.id, offset, length: sealed.length, plainLength: chunk.length });
      this.#stats.newChunks++;
      this.#stats.newBytes += chunk.length;
      this.#stats.storedBytes += sealed.length;
      const upload = this.#pack.size >= config.packSize ? this.#closePack() : undefined;
      if (upload) await upload;
    }
    return refs;
  }

  async saveSnapshot(manifest: Uint8Array, info: Omit<SnapshotInfo, 'id' | 'time'>): Promise<SnapshotInfo> {
    if (this.#pack) await this.#closePack();
    await this.#writeIndex();
    const id = newObjectId();
    const saved: SnapshotInfo = { id, time: new Date(), tags: { ...info.tags }, ...(info.parent ? { parent: info.parent } : {}) };
    const { store, keys } = this.context;
    await store.put(repositoryLayout.snapshot(id), encodeSnapshotObject(keys, saved, manifest));
    return saved;
  }

  stats(): WriteStats {
    return { ...this.#stats };
  }

  /** Closes the filling pack and starts its upload; the promise settles once another upload may start. */
  #closePack(): Promise<void> {
    const pack = this.#pack!;
    this.#pack = undefined;
    this.#closedEntries = this.#table.count;
    const bytes = pack.finish(this.context.keys);
    this.#stats.storedBytes += bytes.length - pack.size;
    const started = this.#uploads.run(() =>
      this.context.store.put(repositoryLayout.pack(pack.id), bytes, { contentLength: bytes.length }),
    );
    if (++this.#packsSinceIndex < packsPerIndex) return started;
    return started.then(() => this.#writeIndex());
  }

  /** Writes an index object for the chunks of every closed pack not yet indexed, once those packs are stored. */
  #writeIndex(): Promise<void> {
    this.#indexing = this.#indexing.then(async () => {
      const to = this.#closedEntries;
      await this.#uploads.drain();
      this.#packsSinceIndex = 0;
      if (to === this.#indexedEntries) return;
      const columns = this.#table.columns(this.#indexedEntries, to);
      const { store, keys } = this.context;
      const id = newObjectId();
      await store.put(repositoryLayout.index(id), sealObject(keys, 'index', encodeIndexObject(columns)));
      this.#indexedEntries = to;
      this.context.publish(ChunkIndex.sorted(columns));
    });
    return this.#indexing;
  }
}
