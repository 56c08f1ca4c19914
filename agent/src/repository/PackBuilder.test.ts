import { describe, expect, it } from 'vitest';
import { openObject } from './openObject.ts';
import { PackBuilder } from './PackBuilder.ts';
import { parsePackHeader } from './packHeader.ts';
import { RepositoryKeys } from './RepositoryKeys.ts';
import { sealObject } from './sealObject.ts';

describe('PackBuilder', () => {
  const keys = new RepositoryKeys(RepositoryKeys.createMasterKey());

  it('lays chunks out one after another and lists them in a sealed header at the end', () => {
    const pack = new PackBuilder();
    const chunks = ['first chunk', 'second, longer chunk', 'third'].map((text) => Buffer.from(text));
    const sealed = chunks.map((chunk) => sealObject(keys, 'pack', chunk));
    sealed.forEach((s, i) => pack.add(keys.chunkId(chunks[i]!), s, chunks[i]!.length));
    const bytes = pack.finish(keys);

    const headerLength = bytes.readUInt32LE(bytes.length - 4);
    const dataLength = bytes.length - 4 - headerLength;
    expect(dataLength).toBe(pack.size);
    const header = openObject(keys, 'packHeader', bytes.subarray(dataLength, bytes.length - 4), 'header');
    const entries = parsePackHeader(header, dataLength, 'header');
    expect(entries.map((e) => e.plainLength)).toEqual(chunks.map((c) => c.length));
    entries.forEach((entry, i) => {
      expect(entry.id.equals(keys.chunkId(chunks[i]!))).toBe(true);
      const piece = bytes.subarray(entry.offset, entry.offset + entry.length);
      expect(openObject(keys, 'pack', piece, 'chunk').equals(chunks[i]!)).toBe(true);
    });
  });

  it('refuses a header listing a chunk beyond the pack data', () => {
    const pack = new PackBuilder();
    pack.add(Buffer.alloc(32, 1), Buffer.alloc(100), 50);
    const bytes = pack.finish(keys);
    const headerLength = bytes.readUInt32LE(bytes.length - 4);
    const header = openObject(keys, 'packHeader', bytes.subarray(100, 100 + headerLength), 'header');
    expect(() => parsePackHeader(header, 99, 'the header of pack p')).toThrow(/past the end of its data/);
  });
});
