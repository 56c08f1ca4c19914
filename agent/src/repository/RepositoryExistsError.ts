import { RepositoryError } from './RepositoryError.ts';

/** Initialising a location that already holds a repository: its data would become unreadable, so it is refused. */
export class RepositoryExistsError extends RepositoryError {
  override readonly name = 'RepositoryExistsError';
  readonly code = 'REPOSITORY_EXISTS';

  constructor(where: string) {
    super(`${where} already holds a repository; open it with its key instead of initialising it again`);
  }
}
