import type { ChunkSizes } from './ChunkSizes.ts';
import { Chunker } from './Chunker.ts';

/**
 * Cuts a byte stream (a `Readable` or any async iterable of buffers) into content-defined chunks, yielding
 * each as soon as it is complete. Holds at most `max` bytes plus one input buffer; see `Chunker`.
 */
export async function* chunkStream(source: AsyncIterable<Uint8Array>, sizes: ChunkSizes): AsyncGenerator<Buffer> {
  const chunker = new Chunker(sizes);
  for await (const data of source) {
    yield* chunker.push(data);
  }
  const last = chunker.finish();
  if (last !== undefined) yield last;
}
