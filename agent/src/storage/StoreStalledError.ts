import { JobFailure } from '../jobs/JobFailure.ts';

/**
 * The location stopped answering (frozen: the connection stays open, nothing comes back) for longer than the
 * agent's stall timeout, and the operation was given up. A `JobFailure`, so its message reaches the user as
 * it is: it names the location, how long it was silent and what to check. (Its `name` stays `JobFailure`'s
 * literal, which the runner's callers recognise.)
 */
export class StoreStalledError extends JobFailure {}
