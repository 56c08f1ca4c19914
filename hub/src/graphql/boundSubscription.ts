import type { FleetbackError } from '../errors/errors.ts';

/** What keeps a subscription alive: a deadline and a check of the subscriber's credentials. */
export interface SubscriptionBounds {
  /** When the subscription ends at the latest: its maximum lifetime or its token's expiry. */
  deadline: Date;
  /** The error the subscription ends with at the deadline. */
  expired(): FleetbackError;
  /** Runs before each delivery; throws (UNAUTHENTICATED) once the credentials no longer hold. */
  recheck(): Promise<void>;
}

/**
 * Wraps a subscription's event stream so that it ends with an error at `bounds.deadline` even when no event
 * comes, and before each event the subscriber's credentials are checked again: a revoked or expired token
 * stops the stream instead of it delivering on. A plain iterator rather than an async generator, because
 * a generator waiting for the next event could not be ended (`return`) until that event came.
 */
export function boundSubscription<T>(source: AsyncIterator<T>, bounds: SubscriptionBounds): AsyncIterableIterator<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    // setTimeout holds at most 2^31-1 ms (~24.8 days); longer deadlines are cut to that.
    const ms = Math.min(Math.max(0, bounds.deadline.getTime() - Date.now()), 2 ** 31 - 1);
    timer = setTimeout(() => reject(bounds.expired()), ms);
  });
  expired.catch(() => undefined);
  let finished = false;
  const finish = async (): Promise<IteratorReturnResult<undefined>> => {
    if (!finished) {
      finished = true;
      clearTimeout(timer);
      await source.return?.();
    }
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      if (finished) return { done: true, value: undefined };
      try {
        const result = await Promise.race([source.next(), expired]);
        if (result.done) return await finish();
        await bounds.recheck();
        return result;
      } catch (error) {
        await finish();
        throw error;
      }
    },
    return: () => finish(),
    async throw(error: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
