import { BadSettingError } from './BadSettingError.ts';

/**
 * Bounds of content-defined chunks, in bytes. `avg` is the size the normalised cut condition aims at (a
 * power of two); no chunk but a stream's last is shorter than `min`, none is longer than `max`.
 */
export interface ChunkSizes {
  readonly min: number;
  readonly avg: number;
  readonly max: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Repository v1's sizes, chosen by `scripts/bench/chunking.ts` (numbers and reasons in
 * `schema/format/REPOSITORY.md`). Part of the format: changing them changes every chunk id a writer makes,
 * so identical data written before and after would no longer deduplicate.
 */
export const repositoryChunkSizes: ChunkSizes = { min: 512 * KiB, avg: 1 * MiB, max: 8 * MiB };

/** Smallest `min`: the gear hash looks at the last 32 bytes, so a cut needs at least that much behind it. */
const smallestMin = 64;
/** Largest `max`: one chunk is held whole in memory while it is compressed and sealed. */
const largestMax = 64 * MiB;

/** Checks `sizes` and returns them; throws `BadSettingError` naming the bound that is broken. */
export function checkChunkSizes(sizes: ChunkSizes): ChunkSizes {
  const { min, avg, max } = sizes;
  if (![min, avg, max].every(Number.isSafeInteger)) {
    throw new BadSettingError(`chunk sizes must be whole numbers of bytes, got ${min}/${avg}/${max}`);
  }
  if (avg & (avg - 1) || avg < 256) {
    throw new BadSettingError(`the average chunk size must be a power of two of at least 256 bytes, got ${avg}`);
  }
  if (!(smallestMin <= min && min < avg && avg < max && max <= largestMax)) {
    throw new BadSettingError(
      `chunk sizes must satisfy ${smallestMin} <= min < avg < max <= ${largestMax}, got ${min}/${avg}/${max}`,
    );
  }
  return sizes;
}
