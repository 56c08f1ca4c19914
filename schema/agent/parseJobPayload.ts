import { parseBackupSpec } from '../contracts/BackupSpec.ts';
import { parseRestoreSpec } from '../contracts/RestoreSpec.ts';
import { parseRuleSpec } from '../contracts/RuleSpec.ts';
import { SpecReader } from '../contracts/SpecReader.ts';
import { WireError } from '../contracts/WireError.ts';
import { checkRepositoryKeyText } from './repositoryKeyText.ts';
import { type JobKind, type JobPayload, type LocationTarget, type ResolvedRule, isJobKind, jobKinds } from './JobPayload.ts';

type PayloadOf<K extends JobKind> = Extract<JobPayload, { kind: K }>;

/**
 * Reads the location of a payload from its reader, `kind` first: the reader's storage providers each parse
 * their own settings (the agent's `parseLocationTarget`). Throws a `WireError` naming the bad field.
 */
export type LocationReader = (location: SpecReader) => LocationTarget;

/**
 * One parser per kind of job, each reading what the hub resolved with the same `schema/` parsers the hub
 * validated it with (specs with their `version`): the compiler refuses a kind of `JobPayload` without one.
 */
const parsers: { [K in JobKind]: (r: SpecReader, readLocation: LocationReader) => PayloadOf<K> } = {
  validateLocation: (r, readLocation) => ({ kind: 'validateLocation', location: readLocation(r.object('location')) }),
  rebuildCatalog: (r, readLocation) => ({ kind: 'rebuildCatalog', location: readLocation(r.object('location')) }),
  backup: (r, readLocation) => {
    const backup = r.object('backup');
    return {
      kind: 'backup',
      backup: {
        id: backup.string('id'),
        name: backup.string('name'),
        spec: parseBackupSpec(backup.get('spec'), backup.field('spec')),
      },
      location: readLocation(r.object('location')),
      // Absent from a hub that predates rules: none.
      preRule: resolvedRule(r.optionalObject('preRule')),
      postRule: resolvedRule(r.optionalObject('postRule')),
    };
  },
  restore: (r, readLocation) => {
    const restore = r.object('restore');
    return {
      kind: 'restore',
      restore: { id: restore.string('id'), spec: parseRestoreSpec(restore.get('spec'), restore.field('spec')) },
      backup: backupRef(r.object('backup')),
      location: readLocation(r.object('location')),
    };
  },
  rotateRepositoryKey: (r, readLocation) => {
    const location = readLocation(r.object('location'));
    if (location.repositoryKey === undefined) throw new WireError('location.repositoryKey', 'must be a non-empty string');
    return {
      kind: 'rotateRepositoryKey',
      location: { ...location, repositoryKey: location.repositoryKey },
      newRepositoryKey: r.string('newRepositoryKey', checkRepositoryKeyText),
    };
  },
  deleteBackup: (r, readLocation) => ({
    kind: 'deleteBackup',
    backup: backupRef(r.object('backup')),
    location: readLocation(r.object('location')),
  }),
};

/**
 * Parses a job payload as the agent receives it from the hub (`AgentJobEvent.payload`, JSON), its location
 * with `readLocation`; throws a
 * `WireError` naming the first bad field: `kind` for a kind of job this reader does not know, an
 * `UnknownVersionError` for a spec of a version it does not know (a newer hub sent them).
 */
export function parseJobPayload(text: string | null, readLocation: LocationReader): JobPayload {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    throw new WireError('payload', 'must be JSON');
  }
  const r = SpecReader.of(value, '');
  const kind = r.stringOrEmpty('kind');
  if (!isJobKind(kind)) {
    throw new WireError('kind', `'${kind}' is not a kind of job this reader knows (${jobKinds.join(', ')})`);
  }
  return parsers[kind](r, readLocation);
}

/** A payload as the hub sends it: the one writer of what `parseJobPayload` reads. */
export function jobPayloadText(payload: JobPayload): string {
  return JSON.stringify(payload);
}

function backupRef(r: SpecReader): { id: string; name: string } {
  return { id: r.string('id'), name: r.string('name') };
}

function resolvedRule(r: SpecReader | null): ResolvedRule | null {
  if (!r) return null;
  return { id: r.string('id'), name: r.string('name'), spec: parseRuleSpec(r.get('spec'), r.field('spec')) };
}
