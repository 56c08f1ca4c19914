import { type WaitOptions, waitFor } from '../waitFor.ts';

export interface WaitForHttpOptions extends WaitOptions {
  /** Which status means ready; 2xx by default. */
  ready?: (status: number) => boolean;
}

/**
 * Polls `url` with GET until it answers with a ready status. A refused connection or a not-ready status
 * counts as "not yet", so this also covers the window before the server binds its port.
 */
export async function waitForHttp(url: string, options: WaitForHttpOptions): Promise<void> {
  const ready = options.ready ?? ((status) => status >= 200 && status < 300);
  await waitFor(
    async () => {
      // A short per-request timeout: a server that accepted the connection but hangs must not eat the budget.
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (!ready(response.status)) throw new Error(`${url} answered ${response.status}`);
      return true;
    },
    { intervalMs: 100, ...options },
  );
}
