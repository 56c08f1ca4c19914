import { constants, zstdCompressSync } from 'node:zlib';
import { checkCompression, type Compression } from './Compression.ts';

/** The first byte of a stored chunk: how the rest is to be read. Part of repository v1. */
export const chunkEncodings = { raw: 0, zstd: 1 } as const;

/**
 * A chunk as it is stored (before sealing): an encoding byte, then the bytes. Compressed with zstd when
 * `compression` asks for it and the result is smaller; otherwise stored raw, so incompressible data
 * (media, already-compressed or encrypted files) costs one byte and no decompression on restore.
 */
export function encodeChunk(chunk: Uint8Array, compression: Compression): Buffer {
  const setting = checkCompression(compression);
  if (setting.kind === 'zstd') {
    const compressed = zstdCompressSync(chunk, {
      params: {
        [constants.ZSTD_c_compressionLevel]: setting.level,
        [constants.ZSTD_c_checksumFlag]: 0,
        [constants.ZSTD_c_contentSizeFlag]: 1,
      },
    });
    if (compressed.length < chunk.length) return Buffer.concat([Buffer.of(chunkEncodings.zstd), compressed]);
  }
  return Buffer.concat([Buffer.of(chunkEncodings.raw), chunk]);
}
