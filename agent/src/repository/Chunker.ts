import { checkChunkSizes, type ChunkSizes } from './ChunkSizes.ts';
import { gearTable } from './gearTable.ts';

/**
 * FastCDC content-defined chunking with normalised chunking (level 2), fed a stream piece by piece.
 *
 * A cut is made after a byte where the 32-bit gear hash (`h = (h << 1) + gear[byte]`, so it depends only on
 * the last 32 bytes) has its top bits all zero: `log2(avg) + 2` bits while the chunk is shorter than `avg`,
 * `log2(avg) - 2` bits after, which pulls sizes towards `avg`. Hashing starts at `min` and a cut is forced at
 * `max`. Cuts depend on content only, so an insert moves the cuts near it and the ones after resynchronise.
 *
 * Memory: the current chunk's bytes (at most `max`) as references to the input buffers, so at most `max`
 * plus one input buffer is held. Every returned chunk is a fresh copy the caller owns.
 */
export class Chunker {
  private readonly sizes: ChunkSizes;
  private readonly maskSmall: number;
  private readonly maskLarge: number;
  /** Pieces of the chunk being cut, in order; their lengths add up to `length`. */
  private pieces: Buffer[] = [];
  private length = 0;
  private hash = 0;

  constructor(sizes: ChunkSizes) {
    this.sizes = checkChunkSizes(sizes);
    const bits = Math.log2(sizes.avg);
    this.maskSmall = topBits(bits + 2);
    this.maskLarge = topBits(bits - 2);
  }

  /** Feeds the next piece of the stream; returns the chunks it completed, in order. */
  push(data: Uint8Array): Buffer[] {
    const input = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const chunks: Buffer[] = [];
    let start = 0;
    while (start < input.length) {
      const end = this.findCut(input, start);
      if (end < 0) {
        this.pieces.push(input.subarray(start));
        this.length += input.length - start;
        break;
      }
      this.pieces.push(input.subarray(start, end));
      chunks.push(Buffer.concat(this.pieces, this.length + end - start));
      this.pieces = [];
      this.length = 0;
      this.hash = 0;
      start = end;
    }
    return chunks;
  }

  /** Ends the stream: returns the last chunk (which may be shorter than `min`), or undefined if none is left. */
  finish(): Buffer | undefined {
    if (this.length === 0) return undefined;
    const last = Buffer.concat(this.pieces, this.length);
    this.pieces = [];
    this.length = 0;
    this.hash = 0;
    return last;
  }

  /**
   * Where in `data` (from `start`) the current chunk ends, exclusive, or -1 if it does not end in `data`; in
   * that case the hash is kept for the next piece. `base` is where the chunk began, relative to `data`.
   */
  private findCut(data: Buffer, start: number): number {
    const { min, avg, max } = this.sizes;
    const n = data.length;
    const base = start - this.length;
    let i = Math.max(start, base + min);
    if (i >= n) return -1;
    let h = this.hash;
    const gear = gearTable;
    const small = this.maskSmall;
    const smallEnd = Math.min(n, base + avg);
    for (; i < smallEnd; i++) {
      h = ((h << 1) + gear[data[i]!]!) | 0;
      if ((h & small) === 0) return i + 1;
    }
    const large = this.maskLarge;
    const largeEnd = Math.min(n, base + max);
    for (; i < largeEnd; i++) {
      h = ((h << 1) + gear[data[i]!]!) | 0;
      if ((h & large) === 0) return i + 1;
    }
    if (i === base + max) return i;
    this.hash = h;
    return -1;
  }
}

/** A 32-bit mask of the `count` most significant bits: the gear hash's top bits see the most bytes. */
function topBits(count: number): number {
  return (0xffffffff << (32 - count)) | 0;
}
