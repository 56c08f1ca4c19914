import type { BackupSpec } from '../contracts/BackupSpec.ts';
import { WireError } from '../contracts/WireError.ts';

/** An object of a backup as written: its size and the SHA-256 of its bytes. */
export interface WrittenObject {
  size: number;
  sha256: string;
}

/** The format version this agent writes and the only one it reads. */
export const backupFormatVersion = 1;

/**
 * `backups/<backupId>/backup.json` (format v1, `schema/format/README.md`): written last, it commits the
 * backup. A directory without one is not a backup. Everything a catalog lists about a backup is here, so the
 * catalog can be rebuilt from these files alone; the objects it names carry their size and SHA-256, so a
 * reader can check each before trusting it.
 */
export interface BackupManifest {
  formatVersion: typeof backupFormatVersion;
  backupId: string;
  backupName: string;
  clusterId: string;
  spec: BackupSpec;
  /** ISO 8601 UTC: when the agent started the backup, and when it finished writing everything but this file. */
  startedAt: string;
  completedAt: string;
  phase: 'Completed' | 'PartiallyFailed';
  /** Archived items by type, `kubectl api-resources` name (`configmaps`, `deployments.apps`); sums to itemCount. */
  countsByKind: Record<string, number>;
  itemCount: number;
  /** Bytes of the archive, the index and the log together (not counting this file). */
  bytes: number;
  archive: WrittenObject & { key: 'resources.tar.gz' };
  index: WrittenObject & { key: 'index.jsonl' };
  log: WrittenObject & { key: 'log.jsonl' };
  warningCount: number;
  errorCount: number;
}

/**
 * Parses a `backup.json` read from a location; throws a `WireError` naming the first bad field (written by another
 * tool, a newer format, or damaged). Checks
 * what a reader relies on (the version first, then identities, counts and object digests); `spec` is taken as
 * the agent that wrote it validated it.
 */
export function parseBackupManifest(value: unknown): BackupManifest {
  const o = objectAt(value, 'backup.json');
  if (o.formatVersion !== backupFormatVersion) {
    throw new WireError(
      'formatVersion',
      `${JSON.stringify(o.formatVersion)} is not a format version this Fleetback reads (it reads ${backupFormatVersion}); ` +
        'a newer Fleetback wrote it: upgrade to read it',
    );
  }
  for (const field of ['backupId', 'backupName', 'clusterId', 'startedAt', 'completedAt'] as const) {
    if (typeof o[field] !== 'string') throw new WireError(field, 'must be a string');
  }
  if (o.phase !== 'Completed' && o.phase !== 'PartiallyFailed') {
    throw new WireError('phase', 'must be Completed or PartiallyFailed');
  }
  for (const field of ['itemCount', 'bytes', 'warningCount', 'errorCount'] as const) count(o[field], field);
  const counts = objectAt(o.countsByKind, 'countsByKind');
  for (const [kind, n] of Object.entries(counts)) count(n, `countsByKind.${kind}`);
  objectAt(o.spec, 'spec');
  for (const [field, key] of [['archive', 'resources.tar.gz'], ['index', 'index.jsonl'], ['log', 'log.jsonl']] as const) {
    const object = objectAt(o[field], field);
    if (object.key !== key) throw new WireError(`${field}.key`, `must be ${key}`);
    count(object.size, `${field}.size`);
    if (typeof object.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(object.sha256)) {
      throw new WireError(`${field}.sha256`, 'must be a hex SHA-256');
    }
  }
  return o as unknown as BackupManifest;
}

function objectAt(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WireError(field, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function count(value: unknown, field: string): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new WireError(field, 'must be a count');
}
