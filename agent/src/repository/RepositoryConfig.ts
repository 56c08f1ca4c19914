import { BadSettingError } from './BadSettingError.ts';
import { checkChunkSizes, repositoryChunkSizes, type ChunkSizes } from './ChunkSizes.ts';
import { checkCompression, type Compression } from './Compression.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';

/** The repository's settings, fixed when it is initialised and stored sealed in `repository/config`. */
export interface RepositoryConfig {
  /** The format version; readers refuse others. */
  readonly version: 1;
  /** How files are cut: part of the format, as other sizes make chunks that do not deduplicate. */
  readonly chunkSizes: ChunkSizes;
  /** How new chunks are compressed by every writer. */
  readonly compression: Compression;
  /** The size at which a writer closes a pack and uploads it, in bytes. */
  readonly packSize: number;
}

const MiB = 1024 * 1024;

/** Chosen by measurement (`scripts/bench/pack-size.ts`; numbers in `schema/format/REPOSITORY.md`). */
export const defaultPackSize = 16 * MiB;
export const defaultCompression: Compression = { kind: 'zstd', level: 3 };

/** Bounds on the pack size: offsets within a pack are 32-bit, and a pack is held whole while it fills. */
const packSizes = { min: 1024, max: 256 * MiB } as const;

/** A config from init options, every setting checked; throws `BadSettingError`. */
export function makeRepositoryConfig(options: Partial<Omit<RepositoryConfig, 'version'>> = {}): RepositoryConfig {
  const packSize = options.packSize ?? defaultPackSize;
  if (!Number.isSafeInteger(packSize) || packSize < packSizes.min || packSize > packSizes.max) {
    throw new BadSettingError(`the pack size must be from ${packSizes.min} to ${packSizes.max} bytes, got ${packSize}`);
  }
  return {
    version: 1,
    chunkSizes: checkChunkSizes(options.chunkSizes ?? repositoryChunkSizes),
    compression: checkCompression(options.compression ?? defaultCompression),
    packSize,
  };
}

/** The config in an opened `repository/config`; anything malformed is a `CorruptObjectError`. */
export function parseRepositoryConfig(plaintext: Buffer, what: string): RepositoryConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(plaintext.toString('utf8'));
  } catch (error) {
    throw new CorruptObjectError(what, 'it holds no JSON', { cause: error });
  }
  const config = parsed as Partial<RepositoryConfig> | null;
  if (typeof config !== 'object' || config === null || config.version !== 1) {
    throw new CorruptObjectError(what, `its format version is ${String(config?.version)}; this agent reads 1`);
  }
  try {
    const { chunkSizes, compression, packSize } = config;
    return makeRepositoryConfig({
      chunkSizes: { min: Number(chunkSizes?.min), avg: Number(chunkSizes?.avg), max: Number(chunkSizes?.max) },
      compression: compressionOf(compression),
      packSize: Number(packSize),
    });
  } catch (error) {
    throw new CorruptObjectError(what, `its settings are invalid (${(error as Error).message})`, { cause: error });
  }
}

function compressionOf(compression: Compression | undefined): Compression {
  if (compression?.kind === 'none') return { kind: 'none' };
  if (compression?.kind === 'zstd') return { kind: 'zstd', level: Number(compression.level) };
  throw new BadSettingError(`the compression ${JSON.stringify(compression)} is neither none nor zstd`);
}
