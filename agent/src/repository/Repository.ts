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
}

/** What `rebuildIndex` found. */
export interface IndexRebuild {
  readonly packs: number;
  readonly chunks: number;
  /** Keys of packs whose header could not be read, each with the reason. */
  readonly damagedPacks: readonly { readonly key: string; readonly reason: string }[];
}
