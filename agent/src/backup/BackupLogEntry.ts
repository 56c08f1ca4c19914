import type { CollectionProblem, CollectionResult } from './CollectionResult.ts';

/**
 * One line of a backup's `log.jsonl` (format v1): a warning or an error of the backup, with where it
 * happened when it concerns a type or an object. Absent fields are left out, not `null`.
 */
export interface BackupLogEntry extends CollectionProblem {
  level: 'warning' | 'error';
}

/** The log of a collection: every warning, then every error, each in the order recorded. */
export function logEntriesOf(result: CollectionResult): BackupLogEntry[] {
  const entry = (level: BackupLogEntry['level'], p: CollectionProblem): BackupLogEntry => ({
    level,
    message: p.message,
    ...(p.resource === undefined ? {} : { resource: p.resource }),
    ...(p.namespace === undefined ? {} : { namespace: p.namespace }),
    ...(p.name === undefined ? {} : { name: p.name }),
  });
  return [...result.warnings.map((p) => entry('warning', p)), ...result.errors.map((p) => entry('error', p))];
}

/** Parses one line of a `log.jsonl` read from a location; throws `SyntaxError` or `TypeError` when it is not one. */
export function parseBackupLogLine(line: string): BackupLogEntry {
  const value: unknown = JSON.parse(line);
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if ((o.level !== 'warning' && o.level !== 'error') || typeof o.message !== 'string') {
    throw new TypeError('a log line needs a level (warning or error) and a message');
  }
  const text = (field: string) => (typeof o[field] === 'string' ? { [field]: o[field] as string } : {});
  return { level: o.level, message: o.message, ...text('resource'), ...text('namespace'), ...text('name') };
}
