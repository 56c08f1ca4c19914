import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Chunker } from './Chunker.ts';
import { checkChunkSizes, repositoryChunkSizes } from './ChunkSizes.ts';
import { gearTable } from './gearTable.ts';

/**
 * Repository v1's cut points are part of the format: if they moved, data written before and after a change
 * would no longer deduplicate. These pin the gear table and the cuts of a fixed stream.
 */
describe('repository v1 chunking', () => {
  it('has the gear table the format document describes', () => {
    expect([gearTable[0], gearTable[1], gearTable[255]]).toEqual([1164472535, 544398694, 785894904]);
  });

  it('cuts a fixed 16 MiB stream where it always has', () => {
    const keystream = createCipheriv('aes-256-ctr', Buffer.alloc(32), Buffer.alloc(16)).update(Buffer.alloc(16 * 1024 * 1024));
    const chunker = new Chunker(checkChunkSizes(repositoryChunkSizes));
    const lengths = [...chunker.push(keystream), chunker.finish()!].map((chunk) => chunk.length);
    expect(lengths).toEqual([
      1766446, 793166, 1289880, 1272371, 1769441, 592158, 1323020, 1700780, 1256988, 1102310, 591224, 1235216,
      1321502, 762714,
    ]);
  });
});
