/** Where one piece of a file's content lives in the repository: the chunk's id and its plain length. */
export interface ChunkRef {
  /** HMAC-SHA-256 of the chunk's plain bytes under the repository's chunk-id key: 32 bytes. */
  readonly id: Buffer;
  /** The chunk's plain length in bytes. */
  readonly length: number;
}

/** What one snapshot is, as listed without opening its manifest. */
export interface SnapshotInfo {
  /** The snapshot's id: the name of its manifest object, chosen by the repository when it is saved. */
  readonly id: string;
  /** When the snapshot was saved. */
  readonly time: Date;
  /** Free-form labels given at backup time (cluster, namespace, PVC, backup id). */
  readonly tags: Readonly<Record<string, string>>;
  /** The snapshot this one was made incrementally from, if any. */
  readonly parent?: string;
}

/** Counters of what a writer stored, for progress lines and the backup's record. */
export interface WriteStats {
  /** Plain bytes given to `writeContent`. */
  readonly bytesRead: number;
  /** Chunks given to `writeContent`, and how many of them the repository did not hold yet. */
  readonly chunks: number;
  readonly newChunks: number;
  /** Plain bytes of the new chunks, and what they became in the location after compression and encryption. */
  readonly newBytes: number;
  readonly storedBytes: number;
}

/**
 * Writes content into the repository: cuts it into chunks, names them, skips the ones the repository (or this
 * writer) already holds, and packs, compresses, seals and uploads the rest. Many writers, in one process or in
 * many, may write into one repository at once.
 */
export interface ContentWriter {
  /** Stores a file's bytes and returns its chunk list, in order; an empty source returns an empty list. */
  writeContent(source: AsyncIterable<Uint8Array>): Promise<ChunkRef[]>;
  /**
   * Saves a snapshot manifest (opaque bytes to the repository) after uploading every pack and index this
   * writer still holds, so a saved snapshot never refers to a chunk that is not durably stored.
   */
  saveSnapshot(manifest: Uint8Array, info: Omit<SnapshotInfo, 'id' | 'time'>): Promise<SnapshotInfo>;
  /** What this writer has stored so far. */
  stats(): WriteStats;
  /**
   * Ends a writer that will save no (further) snapshot, e.g. after its backup failed: uploads and indexes
   * what it holds, so the next backup reuses it, and releases its lease, so prune need not wait for it to
   * expire. Chunks no snapshot refers to are removed by a later prune.
   */
  close(): Promise<void>;
}

/** An opened repository: its keys are unwrapped and its index is loaded. */
export interface Repository {
  /** A writer whose packs and indexes are uniquely named, so it never overwrites another writer's. */
  openWriter(): ContentWriter;
  /** The plain bytes of a chunk list, in order, each chunk verified against its id. */
  readContent(chunks: readonly ChunkRef[]): AsyncIterable<Buffer>;
  /** Every snapshot in the repository, oldest first. */
  listSnapshots(): Promise<SnapshotInfo[]>;
  /** The snapshot's manifest bytes, as given to `saveSnapshot`. */
  readSnapshot(id: string): Promise<{ info: SnapshotInfo; manifest: Buffer }>;
  /**
   * Rebuilds the index from the headers of every pack, replacing the index objects that existed when it
   * started: for a repository whose index objects were lost or damaged. Packs whose headers do not open are
   * skipped and named in `damagedPacks`; their chunks stay missing.
   */
  rebuildIndex(): Promise<IndexRebuild>;
  /**
   * Verifies the stored index against every pack's own header; with `readData`, also fetches every pack and
   * decrypts and re-hashes each chunk. Reads only: problems are reported, never repaired. Given `chunksOf`
   * (the chunk ids a manifest refers to, from the manifest's owner), names the snapshots that depend on each
   * damaged or missing pack.
   */
  check(options?: CheckOptions): Promise<CheckReport>;
  /** Deletes a snapshot under an exclusive lease (`LeaseHeldError` while writers or a prune hold one). */
  deleteSnapshot(id: string): Promise<void>;
  /**
   * Removes chunks no snapshot refers to, under an exclusive lease: packs with no live chunk are deleted,
   * packs less than half live are rewritten with their live chunks, and no pack closed less than `graceMs`
   * ago is touched, so the chunks of a backup still in flight survive. `chunksOf` gives the chunk ids a
   * manifest refers to (the repository does not read manifests). A snapshot that does not open stops the
   * prune before anything is deleted.
   */
  prune(options: PruneOptions): Promise<PruneReport>;
}

export interface PruneOptions {
  readonly chunksOf: (manifest: Buffer) => Iterable<Buffer>;
  /** Packs closed more recently than this are kept whole. Default one day. */
  readonly graceMs?: number;
}

export interface PruneReport {
  readonly snapshots: number;
  readonly packs: number;
  readonly deletedPacks: number;
  readonly repackedPacks: number;
  /** Packs kept whole because they are younger than the grace period. */
  readonly youngPacks: number;
  /** Packs whose header does not open: kept, their chunks still indexed; `check` reports them. */
  readonly unreadablePacks: readonly string[];
  /** Chunks removed, and their stored bytes. */
  readonly removedChunks: number;
  readonly removedBytes: number;
}

export interface CheckOptions {
  readonly readData?: boolean;
  readonly chunksOf?: (manifest: Buffer) => Iterable<Buffer>;
}

/** What `check` found. The repository is sound when `problems` is empty. */
export interface CheckReport {
  readonly packs: number;
  /** Index entries verified against their pack's header (and, with `readData`, their content). */
  readonly chunks: number;
  readonly snapshots: number;
  /**
   * Chunk copies in packs that the index does not point to: left by a writer killed before it indexed them,
   * or stored twice by writers racing. Harmless; prune removes them.
   */
  readonly unindexedChunks: number;
  readonly problems: readonly CheckProblem[];
}

export interface CheckProblem {
  /** `damaged-pack`: its header or a chunk fails; `missing-pack`: indexed chunks live in a pack that is gone;
   * `index-mismatch`: the index places a chunk where its pack's header does not; `damaged-snapshot`. */
  readonly kind: 'damaged-pack' | 'missing-pack' | 'index-mismatch' | 'damaged-snapshot';
  /** The object concerned. */
  readonly key: string;
  readonly reason: string;
  /** Snapshots that refer to a chunk of the pack (only when `chunksOf` was given). */
  readonly snapshots?: readonly string[];
}

/** What `rebuildIndex` found. */
export interface IndexRebuild {
  readonly packs: number;
  readonly chunks: number;
  /** Keys of packs whose header could not be read, each with the reason. */
  readonly damagedPacks: readonly { readonly key: string; readonly reason: string }[];
}
