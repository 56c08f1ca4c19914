import { RepositoryError } from './RepositoryError.ts';

/**
 * A repository object is truncated, altered or not an object of this format. Raised instead of returning
 * bytes that failed authentication: the object must be restored from elsewhere or rewritten by a new backup.
 */
export class CorruptObjectError extends RepositoryError {
  override readonly name = 'CorruptObjectError';
  readonly code = 'CORRUPT_OBJECT';

  constructor(
    /** What was being read, as the caller names it (an object key, "pack header", …). */
    readonly what: string,
    /** Why it was refused, e.g. "it is 10 bytes long, shorter than any sealed object". */
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${what} is corrupt: ${reason}`, options);
  }
}
