const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * How far `timeZone`'s wall clock is ahead of UTC at the instant `ms` (milliseconds since the epoch), in
 * milliseconds: 7,200,000 in Berlin in summer, -18,000,000 in New York in winter. Read from the runtime's
 * time zone database through `Intl`, to the second (Liberia kept -00:44:30 until 1972). The zone must be
 * valid: `timeZoneProblem` checked it where the schedule came in.
 */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const { type, value } of formatterOf(timeZone).formatToParts(whole)) parts[type] = value;
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - whole;
}
