export interface WaitOptions {
  /** What is being waited for, used in the timeout error. */
  what: string;
  timeoutMs?: number;
  intervalMs?: number;
  /** Called before each attempt; when it throws, the wait stops with that error (e.g. the process died). */
  abortIf?: () => void;
}

/**
 * Polls `probe` until it returns a value other than `undefined`/`false`, or throws a timeout error naming
 * `what` and the last error the probe raised.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  options: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let lastError: unknown;
  for (;;) {
    options.abortIf?.();
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out waiting for ${options.what}${reason}`, { cause: lastError });
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
  }
}
