import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BadSettingError } from './BadSettingError.ts';
import { Chunker } from './Chunker.ts';
import { chunkStream } from './chunkStream.ts';

const sizes = { min: 1024, avg: 4096, max: 16384 };

function chunkAll(data: Buffer, pieceSize: number): Buffer[] {
  const chunker = new Chunker(sizes);
  const chunks: Buffer[] = [];
  for (let at = 0; at < data.length; at += pieceSize) chunks.push(...chunker.push(data.subarray(at, at + pieceSize)));
  const last = chunker.finish();
  if (last) chunks.push(last);
  return chunks;
}

const digest = (chunk: Buffer): string => createHash('sha256').update(chunk).digest('hex');

describe('Chunker', () => {
  const data = randomBytes(1024 * 1024);

  it('returns chunks that concatenate to the input, each within min and max but the last', () => {
    const chunks = chunkAll(data, 65536);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(sizes.min);
      expect(chunk.length).toBeLessThanOrEqual(sizes.max);
    }
    const mean = data.length / chunks.length;
    expect(mean).toBeGreaterThan(sizes.avg / 2);
    expect(mean).toBeLessThan(sizes.avg * 2);
  });

  it('cuts the same chunks however the stream is split into pieces', () => {
    const reference = chunkAll(data, data.length).map(digest);
    for (const pieceSize of [1, 7, 1000, 4096, 65537]) {
      const piecewise = chunkAll(data.subarray(0, 256 * 1024), pieceSize).map(digest);
      expect(piecewise.slice(0, -1)).toEqual(reference.slice(0, piecewise.length - 1));
    }
  });

  it('keeps every chunk after a small insert early in the data, but the few around it', () => {
    const inserted = Buffer.concat([data.subarray(0, 5000), Buffer.from('a few inserted bytes'), data.subarray(5000)]);
    const before = chunkAll(data, 65536).map(digest);
    const after = chunkAll(inserted, 65536).map(digest);
    const known = new Set(before);
    const changed = after.filter((id) => !known.has(id));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(3);
    expect(after.slice(-10)).toEqual(before.slice(-10));
  });

  it('forces a cut at max in data that never meets the cut condition', () => {
    const zeros = Buffer.alloc(100_000);
    const chunks = chunkAll(zeros, 30_000);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length === sizes.max)).toBe(true);
    expect(Buffer.concat(chunks).equals(zeros)).toBe(true);
  });

  it('returns one short chunk for input shorter than min, and none for empty input', () => {
    expect(chunkAll(Buffer.from('tiny'), 2).map(String)).toEqual(['tiny']);
    expect(new Chunker(sizes).finish()).toBeUndefined();
  });

  it('refuses sizes out of order or an average that is not a power of two', () => {
    expect(() => new Chunker({ min: 4096, avg: 4096, max: 16384 })).toThrow(BadSettingError);
    expect(() => new Chunker({ min: 1024, avg: 5000, max: 16384 })).toThrow(/power of two/);
  });
});

describe('chunkStream', () => {
  it('chunks a Readable as the Chunker does', async () => {
    const data = randomBytes(200_000);
    const streamed: Buffer[] = [];
    for await (const chunk of chunkStream(Readable.from([data.subarray(0, 12345), data.subarray(12345)]), sizes)) {
      streamed.push(chunk);
    }
    expect(streamed.map(digest)).toEqual(chunkAll(data, data.length).map(digest));
  });
});
