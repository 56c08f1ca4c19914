import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { Sha256Meter } from './Sha256Meter.ts';

/**
 * A body made ready for upload. Small bodies become a buffer whose digest is known before the upload, so it
 * is written with the object in one request; larger ones stay a stream whose digest is known only after it
 * has been uploaded, and must be recorded on the object afterwards.
 */
export type PreparedBody =
  | { kind: 'buffer'; buffer: Buffer; sha256: string }
  | { kind: 'stream'; stream: Readable; meter: Sha256Meter };

/**
 * Reads up to `smallLimit` bytes of `body` to tell the two kinds apart (a buffer is always the first kind:
 * its digest costs one pass over memory). `contentLength`, when given, is enforced on both.
 */
export async function prepareBody(
  body: Readable | Buffer,
  smallLimit: number,
  contentLength: number | undefined,
): Promise<PreparedBody> {
  if (Buffer.isBuffer(body)) return whole(body, contentLength);
  const head: Buffer[] = [];
  let size = 0;
  const iterator: AsyncIterator<unknown> = body[Symbol.asyncIterator]();
  while (size <= smallLimit) {
    const next = await iterator.next();
    if (next.done) return whole(Buffer.concat(head, size), contentLength);
    const chunk = toBuffer(next.value);
    head.push(chunk);
    size += chunk.length;
    if (contentLength !== undefined && size > contentLength) {
      await iterator.return?.();
      return whole(Buffer.concat(head, size), contentLength);
    }
  }
  const meter = new Sha256Meter({ expectedLength: contentLength });
  const rest = Readable.from(replay(head, iterator), { objectMode: false });
  return { kind: 'stream', stream: pipeline(rest, meter, () => {}), meter };
}

function whole(buffer: Buffer, contentLength: number | undefined): PreparedBody {
  if (contentLength !== undefined && buffer.length !== contentLength) {
    throw new RangeError(`the body has ${buffer.length} bytes, not the ${contentLength} given as its content length`);
  }
  return { kind: 'buffer', buffer, sha256: createHash('sha256').update(buffer).digest('hex') };
}

async function* replay(head: Buffer[], iterator: AsyncIterator<unknown>): AsyncGenerator<Buffer> {
  yield* head;
  // Returning early (the upload failed) must also stop the source, or its file or socket stays open.
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield toBuffer(next.value);
  } finally {
    await iterator.return?.();
  }
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('an object body must yield bytes (Buffer, Uint8Array or string chunks)');
}
