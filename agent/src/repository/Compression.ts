import { BadSettingError } from './BadSettingError.ts';

/** How chunks are compressed before they are sealed: not at all, or zstd at a level. */
export type Compression = { readonly kind: 'none' } | { readonly kind: 'zstd'; readonly level: number };

/** zstd's own range of ordinary levels; its negative "fast" levels are not offered. */
export const zstdLevels = { min: 1, max: 22 } as const;

/** Checks a compression setting and returns it; throws `BadSettingError` for a level zstd does not have. */
export function checkCompression(compression: Compression): Compression {
  if (compression.kind === 'zstd') {
    const { level } = compression;
    if (!Number.isInteger(level) || level < zstdLevels.min || level > zstdLevels.max) {
      throw new BadSettingError(`the zstd level must be a whole number from ${zstdLevels.min} to ${zstdLevels.max}, got ${level}`);
    }
  }
  return compression;
}
