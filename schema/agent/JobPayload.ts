import { type BackupSpec, parseBackupSpec } from '../contracts/BackupSpec.ts';
import { type RestoreSpec, parseRestoreSpec } from '../contracts/RestoreSpec.ts';
import { parseRuleSpec, type RuleSpec } from '../contracts/RuleSpec.ts';
import { SpecReader } from '../contracts/SpecReader.ts';
import { WireError } from '../contracts/WireError.ts';
import { checkRepositoryKeyText } from './repositoryKeyText.ts';
import type { LocationTarget } from './LocationTarget.ts';

export type { LocationKind, LocationTarget } from './LocationTarget.ts';

/**
 * What an agent can be asked to do: the one list of job kinds. The hub's `JobKind` GraphQL enum, its handler
 * registry (one handler per kind, checked by the compiler), the agent's payload parser and, through the
 * public API, the console's types all derive from it. `JobPayload` below has one variant per kind (checked).
 */
export const jobKinds = ['backup', 'restore', 'validateLocation', 'deleteBackup', 'rebuildCatalog', 'rotateRepositoryKey'] as const;
export type JobKind = (typeof jobKinds)[number];

/** Whether a wire value names a job kind this build knows. */
export function isJobKind(value: unknown): value is JobKind {
  return (jobKinds as readonly unknown[]).includes(value);
}

/**
 * Everything an agent needs to run a job, resolved by the hub when it offers the job, so the agent never asks
 * the hub for more. It travels only over the agent link to the one cluster the job belongs to, and may hold
 * the location's secret.
 */
export type JobPayload =
  | { kind: 'validateLocation'; location: LocationTarget }
  | {
      kind: 'backup';
      backup: { id: string; name: string; spec: BackupSpec };
      location: LocationTarget;
      /**
       * The rules of `backup.spec.preRuleId` and `postRuleId`, resolved by the hub as they are when the job
       * is offered. Absent (from a hub that predates rules) means none.
       */
      preRule?: ResolvedRule | null;
      postRule?: ResolvedRule | null;
    }
  | {
      kind: 'restore';
      restore: { id: string; spec: RestoreSpec };
      backup: { id: string; name: string };
      location: LocationTarget;
    }
  | { kind: 'deleteBackup'; backup: { id: string; name: string }; location: LocationTarget }
  /** Read every committed backup's `backup.json` in the location, to rebuild a lost catalog. */
  | { kind: 'rebuildCatalog'; location: LocationTarget }
  /**
   * Rewrap the master key of the location's repository from `location.repositoryKey` (the key the hub holds)
   * to `newRepositoryKey` (base64 of 32 bytes), rewriting no data. A location with no repository yet has
   * nothing to rewrap: the job succeeds and the hub keeps the new key.
   */
  | { kind: 'rotateRepositoryKey'; location: LocationTarget & { repositoryKey: string }; newRepositoryKey: string };

/** The payload of one kind of job. */
export type JobPayloadOf<K extends JobKind> = Extract<JobPayload, { kind: K }>;

/** Refused by the compiler when `jobKinds` and the variants of `JobPayload` differ. */
type SameKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _payloadPerKind: SameKinds<JobKind, JobPayload['kind']> = true;

/** A rule as a backup job carries it: its spec, with its id and name for messages and the backup's log. */
export interface ResolvedRule {
  id: string;
  name: string;
  spec: RuleSpec;
}

/** How a job's progress is reported; the agent throttles reports to about one a second. */
export interface JobProgressReport {
  done: number;
  total: number;
  /** Bytes moved to or from the location so far. */
  bytes: number;
  message: string | null;
}

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
