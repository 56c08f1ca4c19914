/**
 * A field of an archived or served object read as an object, or undefined when it is not one. Actions adapt
 * only fields of the shape they expect and leave the rest for the API server to judge, so a malformed field in
 * a backup fails that item with the server's message, never the restore with a TypeError; decisions read the
 * target's objects the same way. The object returned is the field itself, so an action's changes land in it.
 */
export function recordOf(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

/** The entries of a list field that are objects (see `recordOf`); none when the field is not a list. */
export function recordsOf(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  const records: Record<string, unknown>[] = [];
  for (const entry of value) {
    const record = recordOf(entry);
    if (record) records.push(record);
  }
  return records;
}
