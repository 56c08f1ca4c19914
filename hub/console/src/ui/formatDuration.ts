const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * A span of time as a person reads it at a glance: "less than a minute", "12 min", "1 h 30 min", "5 h",
 * "2 d 3 h", "14 d". Precision drops as the span grows; negative spans count as zero.
 */
export function formatDuration(ms: number): string {
  const span = Math.max(0, ms);
  if (span < minute) return 'less than a minute';
  if (span < hour) return `${Math.floor(span / minute)} min`;
  if (span < 2 * day) {
    const h = Math.floor(span / hour);
    const m = Math.floor((span % hour) / minute);
    return h < 10 && m > 0 ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(span / day);
  const h = Math.floor((span % day) / hour);
  return d < 3 && h > 0 ? `${d} d ${h} h` : `${d} d`;
}
