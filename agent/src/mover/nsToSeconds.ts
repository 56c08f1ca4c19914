/**
 * Nanoseconds since the epoch as the seconds Node's `utimes` takes. Node passes them on as a double, so a
 * restored time is within a microsecond of the recorded one, not exact to the nanosecond.
 */
export function nsToSeconds(ns: bigint): number {
  const whole = ns / 1_000_000_000n;
  return Number(whole) + Number(ns - whole * 1_000_000_000n) / 1e9;
}
