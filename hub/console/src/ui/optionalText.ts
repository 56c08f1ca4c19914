/** An optional text field of an API input: `{ key: trimmed value }`, or nothing when blank. */
export function optionalText<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const trimmed = value.trim();
  // A computed key widens to a string index; it is exactly `key`.
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
}
