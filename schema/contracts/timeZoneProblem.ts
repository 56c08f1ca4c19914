/**
 * An IANA time zone name (`UTC`, `Europe/Berlin`, `America/New_York`), as the runtime's time zone database
 * knows it. Offsets like `+01:00` are refused: they ignore daylight saving, which is what a zone is for.
 */
export function timeZoneProblem(zone: string): string | undefined {
  const problem = `'${zone}' is not an IANA time zone like 'UTC' or 'Europe/Berlin'`;
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return problem;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return undefined;
  } catch {
    return problem;
  }
}
