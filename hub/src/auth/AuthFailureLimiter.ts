import { TooManyRequestsError } from '../errors/errors.ts';

export interface AuthFailureLimits {
  /** Failed authentications a source may have within `windowMs` before it is refused. */
  maxFailures: number;
  windowMs: number;
  /** Sources remembered at once; past it the oldest are forgotten, so a flood cannot grow memory. */
  maxSources: number;
}

/**
 * Counts failed authentications per source address in fixed windows, in memory (each replica its own).
 * Once a source has failed `maxFailures` times in a window (0: never), `check` refuses it with TOO_MANY_REQUESTS until
 * the window ends, before any token is looked at: guessing tokens gets slow, a typo costs nothing.
 */
export class AuthFailureLimiter {
  readonly #failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly limits: AuthFailureLimits = { maxFailures: 20, windowMs: 60_000, maxSources: 10_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws `TooManyRequestsError` while `source` is over its limit (never when `maxFailures` is 0). */
  check(source: string): void {
    if (this.limits.maxFailures === 0) return;
    const entry = this.#current(source);
    if (entry && entry.count >= this.limits.maxFailures) {
      const seconds = Math.ceil((entry.since + this.limits.windowMs - this.now()) / 1000);
      throw new TooManyRequestsError(
        `too many failed sign-ins from this address; wait ${seconds} s and try again with a valid token`,
        { details: { retryAfterSeconds: seconds } },
      );
    }
  }

  /** Records one failed authentication of `source`. */
  fail(source: string): void {
    if (this.limits.maxFailures === 0) return;
    const entry = this.#current(source);
    if (entry) {
      entry.count += 1;
      return;
    }
    if (this.#failures.size >= this.limits.maxSources) {
      const oldest = this.#failures.keys().next();
      if (!oldest.done) this.#failures.delete(oldest.value);
    }
    this.#failures.set(source, { count: 1, since: this.now() });
  }

  #current(source: string) {
    const entry = this.#failures.get(source);
    if (entry && this.now() - entry.since >= this.limits.windowMs) {
      this.#failures.delete(source);
      return undefined;
    }
    return entry;
  }
}
