import { WireError } from './WireError.ts';

/**
 * A list of `min` to `max` items from a spec, for lists of objects or numbers that `SpecReader` does not read;
 * absent reads as empty. The caller checks each item and names it `${field}[i]`.
 */
export function specList(value: unknown, field: string, min: number, max: number): unknown[] {
  const list = value ?? [];
  if (!Array.isArray(list)) throw new WireError(field, 'must be a list');
  if (list.length < min || list.length > max) {
    throw new WireError(field, min === max ? `must have ${min} item(s)` : `must have ${min} to ${max} items`);
  }
  return list;
}

/** The raw value of a field of a spec object that `SpecReader.of` accepted; null reads as absent. */
export function specField(value: unknown, name: string): unknown {
  return (value as Record<string, unknown>)[name] ?? undefined;
}
