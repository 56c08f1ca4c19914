/**
 * Orders strings by UTF-16 code units, the same on every machine whatever its locale, so sorted reports
 * compare equal byte for byte.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
