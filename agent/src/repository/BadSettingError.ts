import { RepositoryError } from './RepositoryError.ts';

/** A repository parameter (chunk sizes, compression level, key length) is out of its allowed range. */
export class BadSettingError extends RepositoryError {
  override readonly name = 'BadSettingError';
  readonly code = 'BAD_SETTING';
}
