import { formatDuration } from './formatDuration.ts';

/** "3 h ago", with the exact local time on hover and for assistive technology. */
export function RelativeTime({ at, now = Date.now() }: { at: string | Date; now?: number }) {
  const date = typeof at === 'string' ? new Date(at) : at;
  const exact = date.toLocaleString();
  return (
    <time dateTime={date.toISOString()} title={exact}>
      {formatDuration(now - date.getTime())} ago
    </time>
  );
}
