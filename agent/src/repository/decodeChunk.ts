import { zstdDecompressSync } from 'node:zlib';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { chunkEncodings } from './encodeChunk.ts';

/**
 * The plain bytes of a chunk stored by `encodeChunk`. `maxLength` (the largest chunk the repository makes)
 * bounds decompression, so a damaged or hostile frame cannot make the reader allocate without limit.
 * Anything that does not decode throws `CorruptObjectError` naming `what`.
 */
export function decodeChunk(stored: Uint8Array, maxLength: number, what: string): Buffer {
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (bytes.length === 0) throw new CorruptObjectError(what, 'it is empty; a stored chunk has at least its encoding byte');
  const encoding = bytes[0]!;
  const body = bytes.subarray(1);
  switch (encoding) {
    case chunkEncodings.raw:
      return body;
    case chunkEncodings.zstd:
      try {
        return zstdDecompressSync(body, { maxOutputLength: maxLength });
      } catch (error) {
        throw new CorruptObjectError(what, `its zstd data does not decompress to at most ${maxLength} bytes`, {
          cause: error,
        });
      }
    default:
      throw new CorruptObjectError(what, `its encoding byte is ${encoding}, which no chunk encoding has`);
  }
}
