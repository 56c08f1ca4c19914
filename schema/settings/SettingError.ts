/**
 * A setting has a bad value, or the command line names no setting. `source` is what the operator wrote
 * (`--max-concurrent-jobs` or `FLEETBACK_MAX_CONCURRENT_JOBS`); the message starts with it.
 */
export class SettingError extends Error {
  override readonly name = 'SettingError';
  readonly code = 'BAD_SETTING';

  constructor(
    readonly source: string,
    readonly problem: string,
  ) {
    super(source ? `${source}: ${problem}` : problem);
  }
}
