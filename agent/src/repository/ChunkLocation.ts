/** Where a stored chunk is: its pack's id and the byte range of its sealed form inside the pack. */
export interface ChunkLocation {
  /** The pack's id (32 hex digits); its key is `repositoryLayout.pack(pack)`. */
  readonly pack: string;
  readonly offset: number;
  /** Bytes of the sealed chunk in the pack. */
  readonly length: number;
  /** Bytes of the chunk once opened and decoded. */
  readonly plainLength: number;
}

/** Finds chunks by id. */
export interface ChunkLocator {
  locate(id: Buffer): ChunkLocation | undefined;
}

/** Length of a chunk id: HMAC-SHA-256. */
export const chunkIdLength = 32;
