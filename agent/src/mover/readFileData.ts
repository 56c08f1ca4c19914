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
 * Reads a file without following a symlink put in its place, yielding its bytes except 64 KiB blocks,
 * aligned to the file, that hold only zeros (a block cut short by the end of a read counts as well), which it
 * records in `layout.holes`, merged when adjacent. `sizeHint` (the size `lstat` gave) sizes the reads; a file
 * that grew or shrank since is read to its end all the same. Sparse files and zero runs in ordinary files
 * alike are stored as holes, and restored sparse.
 * `layout` is complete once the iteration ends.
 */
export function readFileData(absolute: Buffer, sizeHint: number): { data: AsyncIterable<Uint8Array>; layout: FileLayout } {
  const layout: FileLayout = { size: 0, holes: [] };
  async function* data(): AsyncGenerator<Uint8Array> {
    const file = await open(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      for (;;) {
        // Sized to what is left (one byte more, to see the end without another read): a buffer of the
        // largest size for every small file would churn gigabytes through the collector for a tree of them.
        // Unpooled, so a chunk the repository keeps never pins a shared 8 KiB pool slab.
        const left = sizeHint - layout.size;
        const buffer = Buffer.allocUnsafeSlow(left >= 0 ? Math.min(readSize, left + 1) : readSize);
        const { bytesRead } = await file.read(buffer, 0, buffer.length, layout.size);
        if (bytesRead === 0) return;
        let runStart = 0;
        // Blocks are aligned to the file, whatever the buffer's size; the last one read may be short.
        for (let at = 0; at < bytesRead; ) {
          const end = Math.min(at + holeBlockSize - ((layout.size + at) % holeBlockSize), bytesRead);
          if (buffer.subarray(at, end).equals(zeros.subarray(0, end - at))) {
            if (at > runStart) yield buffer.subarray(runStart, at);
            runStart = end;
            addHole(layout.holes, layout.size + at, end - at);
          }
          at = end;
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
