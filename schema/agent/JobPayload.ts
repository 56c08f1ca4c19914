import type { BackupSpec } from '../contracts/BackupSpec.ts';
import type { RestoreSpec } from '../contracts/RestoreSpec.ts';
import type { RuleSpec } from '../contracts/RuleSpec.ts';
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
