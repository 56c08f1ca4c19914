import { RepositoryError } from './RepositoryError.ts';

/**
 * A chunk asked for is in no index of the repository: the snapshot that lists it refers to data that was
 * never stored, or whose pack was deleted. Rebuilding the index from the packs finds it if its pack exists.
 */
export class MissingChunkError extends RepositoryError {
  override readonly name = 'MissingChunkError';
  readonly code = 'MISSING_CHUNK';

  constructor(readonly chunkId: string) {
    super(`chunk ${chunkId} is in no index of the repository: its data is missing (try rebuilding the index)`);
  }
}
