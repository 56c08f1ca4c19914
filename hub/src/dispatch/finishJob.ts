import type { EntityManager } from '@mikro-orm/core';
import { type OperationOutcome, OutcomeError, parseOperationOutcome } from '#schema/agent/OperationOutcome';
import { unreachable } from '../auth/Principal.ts';
import { BackupEntity } from '../backups/BackupEntity.ts';
import { deletionRetryDelayMs } from '../backups/backupLifecycle.ts';
import { importCatalog, parseCatalogOutcome } from '../backups/importCatalog.ts';
import { compareAndSet } from '../db/compareAndSet.ts';
import { BadUserInputError } from '../errors/errors.ts';
import { JobEntity, type JobRow } from '../jobs/JobEntity.ts';
import { BackupLocationEntity } from '../locations/BackupLocationEntity.ts';
import { RestoreEntity } from '../restores/RestoreEntity.ts';
import type { AgentContext } from './AgentContext.ts';
import { finalProgress } from './finalProgress.ts';
import { loadAgentJob } from './loadAgentJob.ts';

/** How a job ended, as the agent reports it. */
export type JobEnd = { ok: true; outcome: unknown } | { ok: false; error: string };

/** Whether the report ended the job; false when an earlier report (or a cancellation) already had. */
export interface JobSettlement {
  accepted: boolean;
  phase: string;
}

/**
 * Ends a job and applies its result to what it acted on, in one transaction. The job's phase is changed only
 * if it has not ended, so of two deliveries that both finish, exactly one takes effect; the other is told
 * it was not accepted, which is not an error.
 */
export async function finishJob(context: AgentContext, id: string, end: JobEnd): Promise<JobSettlement> {
  const job = await loadAgentJob(context, id);
  const outcome = end.ok && needsOutcome(job) ? parseOutcome(end.outcome) : undefined;
  const catalog = end.ok && job.kind === 'rebuildCatalog' ? parseCatalogOutcome(end.outcome) : undefined;
  const accepted = await context.em.transactional(async (tx) => {
    const now = new Date();
    const updated = await compareAndSet(
      tx,
      JobEntity,
      { id, phase: { $in: ['Queued', 'Running'] } },
      { phase: end.ok ? 'Succeeded' : 'Failed', finishedAt: now, leaseExpiresAt: null, error: end.ok ? null : end.error },
    );
    if (!updated) return false;
    if (catalog) {
      const summary = await importCatalog(tx, job, catalog);
      await compareAndSet(tx, JobEntity, { id }, { progress: { done: catalog.backups.length, total: catalog.backups.length, bytes: 0, message: summary } });
    }
    await applyEnd(tx, context, job, end, outcome, now);
    return true;
  });
  const current = await loadAgentJob(context, id);
  return { accepted, phase: current.phase };
}

function needsOutcome(job: JobRow): boolean {
  return job.kind === 'backup' || job.kind === 'restore';
}

function parseOutcome(value: unknown): OperationOutcome {
  try {
    return parseOperationOutcome(value);
  } catch (error) {
    if (error instanceof OutcomeError) throw new BadUserInputError('outcome', error.message);
    throw error;
  }
}

async function applyEnd(
  tx: EntityManager,
  context: AgentContext,
  job: JobRow,
  end: JobEnd,
  outcome: OperationOutcome | undefined,
  now: Date,
): Promise<void> {
  const failed = (error: string) => ({
    phase: 'Failed' as const,
    completedAt: now,
    result: { countsByKind: {}, warnings: [], errors: [error] },
  });
  const succeeded = (o: OperationOutcome) => ({
    phase: o.phase,
    completedAt: now,
    result: {
      countsByKind: o.countsByKind,
      ...(o.kinds ? { kinds: o.kinds } : {}),
      warnings: o.warnings,
      errors: o.errors,
      ...(o.log ? { log: o.log, logTruncated: o.logTruncated ?? false } : {}),
    },
  });
  switch (job.kind) {
    case 'backup': {
      const backup = await tx.findOne(BackupEntity, { id: job.subjectId });
      if (!backup) return;
      Object.assign(backup, end.ok && outcome ? succeeded(outcome) : failed(end.ok ? '' : end.error));
      if (outcome) backup.progress = finalProgress(outcome);
      await tx.flush();
      return;
    }
    case 'restore': {
      const restore = await tx.findOne(RestoreEntity, { id: job.subjectId });
      if (!restore) return;
      Object.assign(restore, end.ok && outcome ? succeeded(outcome) : failed(end.ok ? '' : end.error));
      if (outcome) restore.progress = finalProgress(outcome);
      await tx.flush();
      return;
    }
    case 'deleteBackup': {
      const backup = await tx.findOne(BackupEntity, { id: job.subjectId });
      if (!backup) return;
      if (end.ok) {
        tx.remove(backup);
        await tx.flush();
      } else {
        // The data may be partly gone: the backup stays Deleting, with the error and when the scheduler will
        // ask an agent again, so nothing half-deleted is offered for restore and the failure is visible.
        backup.deletionError = end.error;
        backup.deletionRetryAt = new Date(now.getTime() + deletionRetryDelayMs(backup.deletionAttempts));
        await tx.flush();
      }
      return;
    }
    case 'rebuildCatalog':
      return;
    case 'validateLocation': {
      const location = await tx.findOne(BackupLocationEntity, { id: job.subjectId }, { filters: false });
      if (!location) return;
      Object.assign(location, {
        validatedAt: now,
        validatedByClusterId: context.session?.clusterId ?? null,
        validationError: end.ok ? null : end.error,
      });
      await tx.flush();
      return;
    }
    default:
      return unreachable(job.kind);
  }
}
