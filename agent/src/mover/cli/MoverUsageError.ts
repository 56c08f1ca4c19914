/** The command line, a setting, the location file or the key is not usable: exit code 2. */
export class MoverUsageError extends Error {
  override readonly name = 'MoverUsageError';
  readonly code = 'BAD_USER_INPUT';
}
