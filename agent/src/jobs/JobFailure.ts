/** A job could not be done; the message is what the user sees on the job: what went wrong, what to check. */
export class JobFailure extends Error {
  override readonly name = 'JobFailure';
}
