import { Readable, Transform } from 'node:stream';
import type { ObjectHead, ObjectStore, PutOptions } from './ObjectStore.ts';
import type { StallWatch } from './StallWatch.ts';

/**
 * `store` with every wait on the location watched by `watch` (`StallWatch`): requests, each chunk of a
 * download the consumer asks for, each page of a listing, and an upload while the SDK does not take its body
 * (each chunk it takes is the location answering; a body slow to come from its producer is no stall). Once the location is declared stalled, waiting operations fail with
 * `StoreStalledError`, their streams are destroyed, and every later call fails at once — including the
 * cleanup of what a failed job wrote, which would otherwise hang on the same frozen store.
 */
export function watchObjectStore(store: ObjectStore, watch: StallWatch): ObjectStore {
  return {
    put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<void> {
      if (Buffer.isBuffer(body)) return watch.wait(() => store.put(key, body, options));
      const counted = body.pipe(
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            watch.answered();
            done(null, chunk);
          },
        }),
      );
      body.once('error', (error) => counted.destroy(error));
      // Waiting on the store: while the SDK leaves taken body bytes unread, and once it has read the whole body.
      const waiting = () => counted.readableLength > 0 || counted.readableEnded;
      return watch.wait(() => store.put(key, counted, options), waiting).catch((error: unknown) => {
        // The put has failed already: the streams are ended without an error of their own to report.
        if (watch.failure) for (const stream of [body, counted]) stream.destroy();
        throw error;
      });
    },
    async get(key: string): Promise<Readable> {
      const source = await watch.wait(() => store.get(key));
      return Readable.from(watchedChunks(source, watch), { objectMode: false });
    },
    getRange(key: string, offset: number, length: number): Promise<Buffer> {
      return watch.wait(() => store.getRange(key, offset, length));
    },
    head(key: string): Promise<ObjectHead | undefined> {
      return watch.wait(() => store.head(key));
    },
    async *list(prefix: string): AsyncIterable<string> {
      const keys = store.list(prefix)[Symbol.asyncIterator]();
      let finished = false;
      try {
        for (;;) {
          const next = await watch.wait(() => keys.next());
          if (next.done) {
            finished = true;
            return;
          }
          yield next.value;
        }
      } finally {
        // A consumer that stops early, or a stall, ends the underlying listing too.
        if (!finished) void keys.return?.()?.catch(() => undefined);
      }
    },
    delete(key: string): Promise<void> {
      return watch.wait(() => store.delete(key));
    },
    describe: () => store.describe(),
  };
}

/** `source`'s chunks; only the waits for the next one count, so back-pressure from the consumer is not silence. */
async function* watchedChunks(source: Readable, watch: StallWatch): AsyncGenerator<Buffer> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    for (;;) {
      const next = await watch.wait(() => chunks.next());
      if (next.done) return;
      yield next.value;
    }
  } finally {
    if (!source.destroyed) source.destroy();
  }
}
