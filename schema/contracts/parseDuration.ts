import { WireError } from './WireError.ts';

const unitSeconds: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };

/**
 * Parses a duration like Velero's TTL: one or more number-unit pairs in `d`, `h`, `m` or `s`, largest first
 * (`720h`, `30d`, `1h30m`). Returns whole seconds; throws a `WireError` naming `field`.
 */
export function parseDuration(text: string, field: string): number {
  const whole = /^(\d+[dhms])+$/;
  if (!whole.test(text)) {
    throw new WireError(field, `'${text}' is not a duration like '720h', '30d' or '1h30m'`);
  }
  let seconds = 0;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const [, amount, unit] of text.matchAll(/(\d+)([dhms])/g)) {
    const size = unitSeconds[unit as string] as number;
    if (size >= lastUnit) throw new WireError(field, `'${text}' must give each unit once, largest first`);
    lastUnit = size;
    seconds += Number(amount) * size;
  }
  return seconds;
}
