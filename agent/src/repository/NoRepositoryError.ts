import { RepositoryError } from './RepositoryError.ts';

/** The location holds no (complete) repository: it was never initialised, or its initialisation died midway. */
export class NoRepositoryError extends RepositoryError {
  override readonly name = 'NoRepositoryError';
  readonly code = 'NO_REPOSITORY';

  constructor(where: string, detail: string) {
    super(`there is no repository in ${where}: ${detail}; initialise one there first`);
  }
}
