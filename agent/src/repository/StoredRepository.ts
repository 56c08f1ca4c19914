import type { ObjectStore } from '../storage/ObjectStore.ts';
import type { ChunkIndex } from './ChunkIndex.ts';
import type { ChunkLocation, ChunkLocator } from './ChunkLocation.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { forEachBounded } from './forEachBounded.ts';
import { loadIndex } from './loadIndex.ts';
import { MissingChunkError } from './MissingChunkError.ts';
import { readChunks } from './readChunk.ts';
import { pruneRepository } from './pruneRepository.ts';
import { readObjectBytes } from './readObjectBytes.ts';
import { rebuildIndex } from './rebuildIndex.ts';
import { checkRepository } from './checkRepository.ts';
import type {
  CheckOptions,
  CheckReport,
  ChunkRef,
  ContentWriter,
  IndexRebuild,
  PruneOptions,
  PruneReport,
  Repository,
  SnapshotInfo,
} from './Repository.ts';
import type { RepositoryConfig } from './RepositoryConfig.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { RepositoryLease } from './RepositoryLease.ts';
import { objectIdOf, objectIdPattern, repositoryLayout } from './repositoryLayout.ts';
import { RepositoryWriter } from './RepositoryWriter.ts';
import { openSnapshotInfo, openSnapshotManifest, snapshotInfoEnd } from './snapshotObject.ts';

/** Ranged reads fetched ahead of the one being consumed, so restores keep several in flight. */
const readAhead = 8;
/** Bytes one ranged read fetches at most (so at most 64 MiB are in flight): chunks of a file lie together in a
 * pack, and fetching them at once saves a request per chunk. */
const largestRun = 8 * 1024 * 1024;
/** First read of a snapshot object when listing: holds the info of any snapshot with ordinary tags. */
const infoProbe = 8 * 1024;
/** Snapshot objects read at once when listing. */
const objectsInFlight = 8;

/** Chunks one ranged read fetches, each with where the index puts it (none: the read fails). */
type Run = { ref: ChunkRef; location: ChunkLocation | undefined }[];

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
    const index = await loadIndex(store, keys);
    return new StoredRepository(store, keys, config, index);
  }

  openWriter(): ContentWriter {
    return this.#openWriter(true);
  }

  #openWriter(takesLease: boolean): RepositoryWriter {
    return new RepositoryWriter({
      store: this.store,
      keys: this.keys,
      config: this.config,
      known: this.#known,
      publish: (index) => this.#segments.push(index),
      takesLease,
    });
  }

  async *readContent(chunks: readonly ChunkRef[]): AsyncIterable<Buffer> {
    const runs = this.#runs(chunks);
    const window: Promise<Buffer[]>[] = [];
    const fetchNext = (): boolean => {
      const next = runs.next();
      if (next.done) return false;
      const fetching = this.#readRun(next.value);
      // Awaited in order below; until then a failure must not count as unhandled.
      fetching.catch(() => undefined);
      window.push(fetching);
      return true;
    };
    while (window.length < readAhead && fetchNext());
    while (window.length > 0) {
      const data = await window.shift()!;
      fetchNext();
      yield* data;
    }
  }

  async listSnapshots(): Promise<SnapshotInfo[]> {
    const ids: string[] = [];
    for await (const key of this.store.list(repositoryLayout.snapshots)) {
      const id = objectIdOf(key, repositoryLayout.snapshots);
      if (id !== undefined) ids.push(id);
    }
    const snapshots: SnapshotInfo[] = [];
    await forEachBounded(ids, objectsInFlight, async (id) => {
      const key = repositoryLayout.snapshot(id);
      let head = await this.store.getRange(key, 0, infoProbe);
      const end = snapshotInfoEnd(head, key);
      if (end > head.length) head = await this.store.getRange(key, 0, end);
      snapshots.push(openSnapshotInfo(this.keys, id, head, key));
    });
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

  check(options?: CheckOptions): Promise<CheckReport> {
    return checkRepository(
      { store: this.store, keys: this.keys, config: this.config, readSnapshot: (id) => this.readSnapshot(id) },
      options,
    );
  }

  async deleteSnapshot(id: string): Promise<void> {
    if (!objectIdPattern.test(id)) throw new RangeError(`'${id}' is not a snapshot id (32 hex digits)`);
    const lease = await RepositoryLease.take(this.store, this.keys, 'exclusive');
    try {
      await this.store.delete(repositoryLayout.snapshot(id));
    } finally {
      await lease.release();
    }
  }

  async prune(options: PruneOptions): Promise<PruneReport> {
    const report = await pruneRepository(
      {
        store: this.store,
        keys: this.keys,
        config: this.config,
        readSnapshot: (id) => this.readSnapshot(id),
        openWriter: () => this.#openWriter(false),
      },
      options,
    );
    // Packs were deleted and the index rewritten: what this process knew is stale.
    this.#segments = [await loadIndex(this.store, this.keys)];
    return report;
  }

  #locate(id: Buffer): ChunkLocation | undefined {
    for (const segment of this.#segments) {
      const location = segment.locate(id);
      if (location) return location;
    }
    return undefined;
  }

  /**
   * The chunk list cut into runs that one ranged read fetches: chunks adjacent in one pack (a file written
   * in one go lies so), up to `largestRun` bytes. A chunk in no index is a run of its own that fails.
   */
  *#runs(chunks: readonly ChunkRef[]): Generator<Run> {
    let run: Run = [];
    let runBytes = 0;
    for (const ref of chunks) {
      const location = this.#locate(ref.id);
      const previous = run.at(-1)?.location;
      const adjacent =
        location && previous && location.pack === previous.pack && location.offset === previous.offset + previous.length;
      if (run.length > 0 && !(adjacent && runBytes + location.length <= largestRun)) {
        yield run;
        run = [];
        runBytes = 0;
      }
      run.push({ ref, location });
      runBytes += location?.length ?? 0;
      if (!location) {
        yield run;
        run = [];
        runBytes = 0;
      }
    }
    if (run.length > 0) yield run;
  }

  async #readRun(run: Run): Promise<Buffer[]> {
    const reads = run.map(({ ref, location }) => {
      if (!location) throw new MissingChunkError(ref.id.toString('hex'));
      return { id: ref.id, location };
    });
    const plain = await readChunks(this.store, this.keys, reads, this.config.chunkSizes.max);
    run.forEach(({ ref }, i) => {
      if (plain[i]!.length !== ref.length) {
        const reason = `it is listed as ${ref.length} bytes but holds ${plain[i]!.length}`;
        throw new CorruptObjectError(`chunk ${ref.id.toString('hex')}`, reason);
      }
    });
    return plain;
  }
}
