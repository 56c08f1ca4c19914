import { WireError } from '#schema/contracts/WireError';
import type { IndexEntry } from './IndexEntry.ts';

/**
 * One parsed line of `index.jsonl` (format v1) read back from a location, which is untrusted: every field the
 * plan, the archive check and a rerun's outcome rely on is checked. Throws a `WireError` naming the first bad
 * field (`labels.app: must be a string`); the caller names the backup and the line.
 */
export function parseIndexEntry(value: unknown): IndexEntry {
  const fields = objectAt(value, '');
  const string = (field: string) => stringAt(fields[field], field);
  const { namespace, size } = fields;
  if (namespace !== null && typeof namespace !== 'string') throw new WireError('namespace', 'must be a string or null');
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new WireError('size', 'must be a count');
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(objectAt(fields.labels, 'labels'))) {
    labels[key] = stringAt(label, `labels.${key}`);
  }
  return {
    path: string('path'),
    group: string('group'),
    version: string('version'),
    kind: string('kind'),
    resource: string('resource'),
    namespace,
    name: string('name'),
    labels,
    size,
    sha256: string('sha256'),
  };
}

function objectAt(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WireError(field, 'must be an object');
  }
  return Object.fromEntries(Object.entries(value));
}

function stringAt(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new WireError(field, 'must be a string');
  return value;
}
