import { WireError } from './WireError.ts';

/**
 * The `WireError` of a versioned contract (a spec, a format) whose `version` this reader does not know: a newer
 * writer made it. The reader must be upgraded, so a reader that is told this says so rather than "invalid".
 */
export class UnknownVersionError extends WireError {
  override readonly name = 'UnknownVersionError';

  constructor(
    field: string,
    /** What carries the version, as a person calls it: `backup spec`, `rule spec`. */
    readonly contract: string,
    readonly found: unknown,
    readonly known: readonly number[],
  ) {
    super(
      field,
      `${JSON.stringify(found)} is not a version of the ${contract} this reader knows (it knows ${known.join(', ')}); ` +
        'a newer Fleetback wrote it',
    );
  }
}
