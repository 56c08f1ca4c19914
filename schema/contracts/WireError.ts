/**
 * A value that crossed a boundary (a GraphQL input, a job payload, an agent's report, a `backup.json` read from
 * a bucket, a setting) is not one its reader accepts. `field` is the path of the value as its writer wrote it
 * (`labelSelectors[1]`, `outcome.countsByKind.pods`, `--max-concurrent-jobs`), so the reader can name it in its
 * own error (the hub's BAD_USER_INPUT, an agent's job failure); `problem` completes the sentence "field …".
 * Every parser in `schema/` throws this one type.
 */
export class WireError extends Error {
  override readonly name: string = 'WireError';

  constructor(
    readonly field: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(field ? `${field}: ${problem}` : problem, options);
  }
}
