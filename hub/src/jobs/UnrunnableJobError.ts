/** A job that cannot be offered because what it acts on is gone; the dispatcher fails it with this reason. */
export class UnrunnableJobError extends Error {
  override readonly name = 'UnrunnableJobError';
}
