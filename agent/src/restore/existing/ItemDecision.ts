/**
 * What a restore does with one planned item, given what the target holds under its name. Decided by
 * `decideItem` alone, for the real run and the dry run alike, so a dry run says item by item what a real run
 * does. Refusals (a bound volume under `replace`, an immutable field under `update`) are `skip`s with the
 * reason: nothing is written for them.
 */
export type ItemDecision =
  /** Nothing of that name in the target: create it. */
  | { action: 'create' }
  /** PUT over the target's object (its uid is kept); `note` says why when the policy asked for something else. */
  | { action: 'update'; note?: string }
  /** Delete the target's object (that uid only), wait until it is gone, create it anew. */
  | { action: 'replace' }
  /** Leave the target's object as it is, for `reason`. */
  | { action: 'skip'; reason: string }
  /**
   * The target's object is this restore's own, created by an earlier attempt of it (an agent killed mid-run,
   * the job offered again): recorded as created, with its uid, and left alone.
   */
  | { action: 'keep'; uid: string };
