import { formatDuration } from '../ui/formatDuration.ts';

/** A moment relative to `now`: "3 h ago" in the past, "in 29 d" in the future (see `formatDuration`). */
export function formatRelative(at: string | Date, now: number): string {
  const ms = new Date(at).getTime() - now;
  return ms > 0 ? `in ${formatDuration(ms)}` : `${formatDuration(-ms)} ago`;
}
