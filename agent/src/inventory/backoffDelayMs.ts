const firstDelayMs = 500;
const maxDelayMs = 30_000;

/**
 * How long to wait before retry number `attempt` (0 for the first): doubling from half a second up to 30
 * seconds, with up to half of it random so that agents which lost the API server together do not return
 * to it in step.
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
