import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChunkTable } from './ChunkTable.ts';
import { readIndexObject, encodeIndexObject } from './indexObject.ts';

const idOf = (n: number) => createHash('sha256').update(String(n)).digest();
const packOf = (n: number) => (n % 7).toString(16).padStart(32, '0');
const locationOf = (n: number) => ({ pack: packOf(n), offset: n * 10, length: n + 34, plainLength: n });

describe('ChunkTable and ChunkIndex', () => {
  const count = 5_000;
  const table = new ChunkTable();
  for (let n = 0; n < count; n++) table.add(idOf(n), locationOf(n));

  it('finds every chunk added, through its growth, and nothing else', () => {
    expect(table.count).toBe(count);
    for (let n = 0; n < count; n++) expect(table.locate(idOf(n))).toEqual(locationOf(n));
    expect(table.locate(idOf(count))).toBeUndefined();
  });

  it('keeps the first location of a chunk added twice', () => {
    expect(table.add(idOf(3), locationOf(4))).toBe(false);
    expect(table.locate(idOf(3))).toEqual(locationOf(3));
    expect(table.count).toBe(count);
  });

  it('sorts into an index that finds every chunk by binary search', () => {
    const index = table.toIndex();
    expect(index.count).toBe(count);
    for (let n = 0; n < count; n++) expect(index.locate(idOf(n))).toEqual(locationOf(n));
    expect(index.locate(idOf(-1))).toBeUndefined();
    expect(index.locate(Buffer.alloc(32, 0))).toBeUndefined();
    expect(index.locate(Buffer.alloc(32, 0xff))).toBeUndefined();
  });

  it('round-trips a range of entries through an index object, with its own pack table', () => {
    const copy = new ChunkTable();
    expect(readIndexObject(encodeIndexObject(table.columns(100, 200)), 'index', copy)).toBe(100);
    for (let n = 100; n < 200; n++) expect(copy.locate(idOf(n))).toEqual(locationOf(n));
    expect(copy.locate(idOf(99))).toBeUndefined();
  });

  it('refuses an index object whose length does not fit its entries', () => {
    const encoded = encodeIndexObject(table.columns(0, 10));
    expect(() => readIndexObject(encoded.subarray(0, encoded.length - 1), 'repository/index/x', new ChunkTable())).toThrow(
      /repository\/index\/x is corrupt: its length does not fit its 10 entries/,
    );
  });
});
