import { setTimeout as sleep } from 'node:timers/promises';
import type { pino } from 'pino';
import { backoffDelayMs } from './backoffDelayMs.ts';

export interface RetryOptions {
  /** What is attempted, for the log: "could not <what>; retrying". */
  what: string;
  logger: pino.Logger;
  /** Ends the retries, also during a backoff; the promise then rejects with the signal's reason. */
  signal: AbortSignal;
}

/** Runs `attempt` until it succeeds, logging each failure and backing off between them. */
export async function retryUntilAborted<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { signal, logger } = options;
  for (let failures = 0; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      signal.throwIfAborted();
      const delayMs = backoffDelayMs(failures);
      logger.warn({ err: error, delayMs }, `could not ${options.what}; retrying`);
      await sleep(delayMs, undefined, { signal }).catch(() => undefined);
      signal.throwIfAborted();
    }
  }
}
