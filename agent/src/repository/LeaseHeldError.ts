import { RepositoryError } from './RepositoryError.ts';

/** Another process holds a lease that excludes the one asked for: a prune runs, or backups are writing. */
export class LeaseHeldError extends RepositoryError {
  override readonly name = 'LeaseHeldError';
  readonly code = 'LEASE_HELD';

  constructor(wanted: string, holder: string, expires: Date) {
    super(
      `cannot take ${wanted} lease on the repository: ${holder} holds one until ${expires.toISOString()} ` +
        '(or until it finishes); try again later',
    );
  }
}
