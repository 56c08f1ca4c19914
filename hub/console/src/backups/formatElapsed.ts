import { formatDuration } from '../ui/formatDuration.ts';

/** How long something ran: seconds under a minute ("under 1 s", "12 s"), else as `formatDuration` reads it. */
export function formatElapsed(ms: number): string {
  if (ms < 1_000) return 'under 1 s';
  if (ms < 60_000) return `${Math.floor(ms / 1_000)} s`;
  return formatDuration(ms);
}
