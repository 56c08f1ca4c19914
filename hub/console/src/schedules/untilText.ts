import { formatDuration } from '../ui/formatDuration.ts';

/** How long until a run time, as a person reads it: "in 42 min", "in 2 d 3 h"; "due now" once it has come. */
export function untilText(at: string | Date, now: number): string {
  const ms = new Date(at).getTime() - now;
  return ms <= 0 ? 'due now' : `in ${formatDuration(ms)}`;
}

/** A run time in the browser's zone and language, short: "Tue 3 Jun, 14:00". */
export function runTimeText(at: string | Date, locale?: string, timeZone?: string): string {
  return new Date(at).toLocaleString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
}
