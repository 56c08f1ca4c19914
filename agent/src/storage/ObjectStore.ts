import type { Readable } from 'node:stream';

/** Options of {@link ObjectStore.put}. */
export interface PutOptions {
  /**
   * The body's size in bytes, when the caller knows it. A body that turns out longer or shorter fails the put
   * before the object is committed, so a truncated source never leaves a short object behind.
   */
  contentLength?: number;
}

/** What {@link ObjectStore.head} tells about an object. */
export interface ObjectHead {
  /** Size in bytes. */
  size: number;
}

/**
 * One backup location, seen as a flat namespace of objects. Every adapter (S3, Azure Blob, GCS, a directory)
 * implements it with the same semantics, proven by one contract suite run against each of them.
 *
 * Keys are relative to the location's prefix: the store at `s3://bucket/prod/eu` writes key
 * `backups/b1/backup.json` to `prod/eu/backups/b1/backup.json`, and never lists or touches anything outside
 * `prod/eu/`. A key is `/`-separated, non-empty, and has no empty, `.` or `..` segment; an invalid key is a
 * programming error and throws a `RangeError`.
 *
 * Integrity: every object written through a store carries the SHA-256 of its content (object metadata, or a
 * companion file for the filesystem), and `get` re-hashes what it reads and fails the stream with a
 * `ChecksumMismatchError` when the two differ. An object that carries no digest (written by another tool, or
 * by a put that died between upload and recording the digest) is read unverified.
 *
 * Errors other than the typed ones below come from the store's SDK untranslated; `explainStorageError` turns
 * them into what an operator should check. Requests that fail with throttling, 5xx or a dropped connection
 * are retried with backoff by each SDK's own retry policy before an error reaches the caller.
 */
export interface ObjectStore {
  /**
   * Writes `body` under `key`, replacing any object there. Streams: the body is never held whole in memory
   * beyond one part (multipart upload on S3, staged blocks on Azure, a resumable upload on GCS, a temp file
   * renamed into place on the filesystem). The object becomes visible only complete.
   */
  put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<void>;

  /**
   * Opens the object for reading. Rejects with `ObjectNotFoundError` when there is none. The returned stream
   * verifies the content as it flows: when the bytes do not match the digest recorded at write time, the
   * stream errors with `ChecksumMismatchError` at its end, so a consumer must treat data as trustworthy only
   * once the stream ended without error.
   */
  get(key: string): Promise<Readable>;

  /**
   * The bytes of the object from `offset` for `length` bytes (`length` at least 1), fewer when the object ends
   * first (none when it ends before `offset`). Rejects with `ObjectNotFoundError` when there is no object.
   * Unlike `get`, not checked against the recorded SHA-256, which covers the whole object: callers read
   * ranges of objects whose pieces authenticate themselves (the repository's sealed chunks).
   */
  getRange(key: string, offset: number, length: number): Promise<Buffer>;

  /** The object's size, or `undefined` when there is no object under `key`. */
  head(key: string): Promise<ObjectHead | undefined>;

  /**
   * The keys that start with `prefix` (a plain string prefix, not a directory: `backups/b1` also matches
   * `backups/b10/x`), relative to the location, in ascending byte order. Fetched page by page as the caller
   * iterates, so a location with millions of objects is never listed into memory at once.
   */
  list(prefix: string): AsyncIterable<string>;

  /** Removes the object; removing one that does not exist succeeds, so a retried delete is harmless. */
  delete(key: string): Promise<void>;

  /** Where this store writes, for messages: `s3://bucket/prefix`, `gs://…`, an Azure blob URL, a path. */
  describe(): string;
}
