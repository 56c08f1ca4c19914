import { randomBytes } from 'node:crypto';
import { constants, zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BadSettingError } from './BadSettingError.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { decodeChunk } from './decodeChunk.ts';
import { chunkEncodings, encodeChunk } from './encodeChunk.ts';

const text = Buffer.from('the same line of a log file, again and again\n'.repeat(20_000));
const zstd3 = { kind: 'zstd', level: 3 } as const;

describe('encodeChunk and decodeChunk', () => {
  it('compresses compressible data with zstd and decodes it back', () => {
    const stored = encodeChunk(text, zstd3);
    expect(stored[0]).toBe(chunkEncodings.zstd);
    expect(stored.length).toBeLessThan(text.length / 10);
    expect(decodeChunk(stored, text.length, 'chunk').equals(text)).toBe(true);
  });

  it('stores a chunk that does not shrink raw, behind one flag byte', () => {
    const random = randomBytes(100_000);
    const stored = encodeChunk(random, zstd3);
    expect(stored[0]).toBe(chunkEncodings.raw);
    expect(stored.length).toBe(random.length + 1);
    expect(decodeChunk(stored, random.length, 'chunk').equals(random)).toBe(true);
  });

  it('stores everything raw when compression is none', () => {
    const stored = encodeChunk(text, { kind: 'none' });
    expect(stored[0]).toBe(chunkEncodings.raw);
    expect(decodeChunk(stored, text.length, 'chunk').equals(text)).toBe(true);
  });

  it('round-trips an empty chunk', () => {
    expect(decodeChunk(encodeChunk(Buffer.alloc(0), zstd3), 10, 'chunk').length).toBe(0);
  });

  it('uses the configured level: level 19 compresses access-log-like lines smaller than level 1', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i} user${(i * 7919) % 1013} GET /items/${(i * 104729) % 9973}\n`);
    const log = Buffer.from(lines.join(''));
    expect(encodeChunk(log, { kind: 'zstd', level: 19 }).length).toBeLessThan(encodeChunk(log, { kind: 'zstd', level: 1 }).length);
  });

  it('refuses a zstd level zstd does not have', () => {
    expect(() => encodeChunk(text, { kind: 'zstd', level: 23 })).toThrow(BadSettingError);
    expect(() => encodeChunk(text, { kind: 'zstd', level: 0 })).toThrow(/from 1 to 22/);
  });

  it('refuses a frame that decompresses beyond the largest chunk instead of allocating it', () => {
    const bomb = zstdCompressSync(Buffer.alloc(10_000_000), { params: { [constants.ZSTD_c_compressionLevel]: 3 } });
    const stored = Buffer.concat([Buffer.of(chunkEncodings.zstd), bomb]);
    expect(() => decodeChunk(stored, 1_000_000, 'chunk 1f2e')).toThrow(CorruptObjectError);
  });

  it('refuses damaged zstd data, an unknown encoding byte and an empty chunk with CorruptObjectError', () => {
    const stored = encodeChunk(text, zstd3);
    expect(() => decodeChunk(stored.subarray(0, stored.length - 20), text.length, 'chunk 1f2e')).toThrow(
      /chunk 1f2e is corrupt/,
    );
    expect(() => decodeChunk(Buffer.of(7, 1, 2), 10, 'chunk')).toThrow(/encoding byte is 7/);
    expect(() => decodeChunk(Buffer.alloc(0), 10, 'chunk')).toThrow(CorruptObjectError);
  });
});
