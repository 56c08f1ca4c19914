import type { EntityManager } from '@mikro-orm/core';
import type { JobKind, JobPayloadOf, JobProgressReport } from '#schema/agent/JobPayload';
import type { Principal } from '../auth/Principal.ts';
import type { JobNamespaceReach } from '../db/namespaceScopeFilter.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';
import type { JobRow } from './JobEntity.ts';

/** How a job ended, as its agent reported it; a success carries the outcome its kind's handler parsed. */
export type JobEnd<O> = { ok: true; outcome: O } | { ok: false; error: string };

/** When a job ended, and which cluster's agent ended it (null when no agent session did). */
export interface JobEndContext {
  now: Date;
  clusterId: string | null;
}

/**
 * What one kind of job means to the hub, beside its domain (`backups/backupJob.ts`, …): the payload its agent
 * gets, and what taking, reporting on, ending and cancelling the job do to its subject (the backup, restore or
 * location `job.subjectId` names). The dispatcher only delivers and calls these; `jobKindHandlers` holds one
 * per kind. Each step reads and writes through the `em` it is given, which the caller flushes or commits;
 * subscribers hear of what it commits from the data (`CommittedChanges`), so a step announces nothing itself.
 * `O` is what a successful run reports (`completeJob`'s outcome).
 */
export interface JobKindHandler<K extends JobKind, O = unknown> {
  /**
   * Everything the agent needs, resolved when the job is offered (the location's credential opened). Reads
   * unscoped: the dispatcher has already decided the job belongs to the connected cluster. Throws
   * `UnrunnableJobError` when the subject or what it uses is gone.
   */
  payload(em: EntityManager, secrets: SecretBox, job: JobRow): Promise<JobPayloadOf<K>>;
  /**
   * Parses a successful run's outcome, decoded from `completeJob`'s JSON (`BadUserInputError` naming the field
   * when malformed); null for a kind whose jobs report none, whose `finish` then gets `undefined`.
   */
  readonly parseOutcome: ((value: unknown) => O) | null;
  /** The agent took the job (every delivery, so it must be idempotent). */
  start(em: EntityManager, job: JobRow, now: Date): Promise<void>;
  /** The agent reported progress. */
  progress(em: EntityManager, job: JobRow, report: JobProgressReport): Promise<void>;
  /** The job ended; runs in the transaction that ended it, once per job. */
  finish(tx: EntityManager, job: JobRow, end: JobEnd<O>, context: JobEndContext): Promise<void>;
  /** Refuses (FORBIDDEN) a caller who may not cancel this job. */
  authorizeCancel(em: EntityManager, principal: Principal, job: JobRow): Promise<void>;
  /** Which namespaces a job of this kind reaches: what a reader narrowed to namespaces may see of it. */
  readonly namespaceReach: JobNamespaceReach;
  /** Why a job of this kind cannot be cancelled, or undefined when it can. */
  readonly notCancellable: string | undefined;
  /** A user cancelled the job with `reason`: what that does to its subject. */
  cancel(em: EntityManager, job: JobRow, reason: string, now: Date): Promise<void>;
}

/** One handler per job kind; a kind without one does not compile. */
export type JobKindHandlers = { readonly [K in JobKind]: JobKindHandler<K> };
