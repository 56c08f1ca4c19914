import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Extent } from './manifest/ManifestEntry.ts';

/** Aligned blocks of this size that hold only zeros are recorded as holes instead of stored. */
export const holeBlockSize = 64 * 1024;
const readSize = 16 * holeBlockSize;
const zeros = Buffer.alloc(holeBlockSize);

/** What reading a file found: how long it was when read, and its all-zero blocks. */
export interface FileLayout {
  size: number;
  holes: Extent[];
}

/**
 * Reads a file without following a symlink put in its place, yielding its bytes except whole aligned
 * 64 KiB blocks (and a final shorter block) of zeros, which it records in `layout.holes`, merged when
 * adjacent. Sparse files and zero runs in ordinary files alike are stored as holes, and restored sparse.
 * `layout` is complete once the iteration ends.
 */
export function readFileData(absolute: Buffer): { data: AsyncIterable<Uint8Array>; layout: FileLayout } {
  const layout: FileLayout = { size: 0, holes: [] };
  async function* data(): AsyncGenerator<Uint8Array> {
    const file = await open(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      for (;;) {
        const buffer = Buffer.allocUnsafe(readSize);
        const { bytesRead } = await file.read(buffer, 0, readSize, layout.size);
        if (bytesRead === 0) return;
        let runStart = 0;
        for (let at = 0; at < bytesRead; at += holeBlockSize) {
          const end = Math.min(at + holeBlockSize, bytesRead);
          if (!buffer.subarray(at, end).equals(zeros.subarray(0, end - at))) continue;
          if (at > runStart) yield buffer.subarray(runStart, at);
          runStart = end;
          addHole(layout.holes, layout.size + at, end - at);
        }
        if (bytesRead > runStart) yield buffer.subarray(runStart, bytesRead);
        layout.size += bytesRead;
      }
    } finally {
      await file.close();
    }
  }
  return { data: data(), layout };
}

function addHole(holes: Extent[], offset: number, length: number): void {
  const last = holes.at(-1);
  if (last && last.offset + last.length === offset) holes[holes.length - 1] = { offset: last.offset, length: last.length + length };
  else holes.push({ offset, length });
}
