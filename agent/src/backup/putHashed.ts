import { pipeline, Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { Sha256Meter } from '../storage/Sha256Meter.ts';
import { BackupStorageError } from './BackupStorageError.ts';

/** Size and hex SHA-256 of an object as written. */
import type { WrittenObject } from '#schema/format/BackupManifest';

export type { WrittenObject };

export interface PutHashedOptions {
  /** Gzip the bytes on their way to the store; size and digest are then those of the compressed object. */
  gzip?: boolean;
  /** Counts and hashes what is written; pass one to read `bytes` while the put runs (progress). */
  meter?: Sha256Meter;
}

/**
 * Streams the chunks `source` yields into `store` under `key`, gzipped or not, hashing the stored bytes on
 * the way. Backpressure runs end to end: `source` is pulled only as fast as the store takes the bytes, so
 * memory holds a few chunks and the store's one part, never the object.
 *
 * An error `source` throws (a cancellation, a failure reading the cluster) rejects with that error as is, and
 * stops the upload before the object is committed; a failure of the store rejects with `BackupStorageError`.
 */
export async function putHashed(
  store: ObjectStore,
  key: string,
  source: AsyncIterable<Buffer>,
  options: PutHashedOptions = {},
): Promise<WrittenObject> {
  const meter = options.meter ?? new Sha256Meter();
  let sourceFailure: { error: unknown } | undefined;
  async function* guarded(): AsyncGenerator<Buffer> {
    try {
      yield* source;
    } catch (error) {
      sourceFailure = { error };
      throw error;
    }
  }
  const input = Readable.from(guarded(), { objectMode: false });
  // The callback only absorbs the pipeline's own error: it reaches the store through `meter`, and us from put.
  const body = options.gzip ? pipeline(input, createGzip(), meter, ignore) : pipeline(input, meter, ignore);
  try {
    await store.put(key, body);
  } catch (error) {
    // A store that gave up may not have drained the body: tear the pipeline down, so `source` is returned.
    body.destroy();
    if (sourceFailure) throw sourceFailure.error;
    throw new BackupStorageError('write', key, error);
  }
  return { size: meter.bytes, sha256: meter.sha256 };
}

function ignore(): void {}
