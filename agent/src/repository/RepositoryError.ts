/** What went wrong with a repository object, so callers can branch without matching on messages. */
export type RepositoryErrorCode =
  | 'WRONG_KEY'
  | 'CORRUPT_OBJECT'
  | 'BAD_SETTING'
  | 'NO_REPOSITORY'
  | 'REPOSITORY_EXISTS'
  | 'MISSING_CHUNK';

/** Base of the errors raised while reading or writing repository objects; `code` tells which kind. */
export abstract class RepositoryError extends Error {
  abstract readonly code: RepositoryErrorCode;
}
