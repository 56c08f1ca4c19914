import type { EntityManager } from '@mikro-orm/core';
import { parseCatalogOutcome } from '#schema/agent/CatalogOutcome';
import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import { parseOutcomeText } from '#schema/agent/outcomeText';
import { WireError } from '#schema/contracts/WireError';
import { unreachable } from '../auth/Principal.ts';
import { BackupEntity } from '../backups/BackupEntity.ts';
import { deletionRetryDelayMs } from '../backups/backupLifecycle.ts';
import { importCatalog } from '../backups/importCatalog.ts';
import { endedOperation, failedOperation, parseOutcomeInput } from '../backups/operationResult.ts';
import { BadUserInputError } from '../errors/errors.ts';
import { type HubTopic, publishUpdate } from '../graphql/hubPubSub.ts';
import { JobEntity, type JobRow } from '../jobs/JobEntity.ts';
import { BackupLocationEntity } from '../locations/BackupLocationEntity.ts';
import { RestoreEntity } from '../restores/RestoreEntity.ts';
import type { AgentContext } from './AgentContext.ts';
import { finalProgress } from './finalProgress.ts';
import { loadAgentJob } from './loadAgentJob.ts';

/** How a job ended, as the agent reports it: `outcome` is `completeJob`'s argument, JSON or null. */
export type JobEnd = { ok: true; outcome: string | null } | { ok: false; error: string };

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
  const outcome = end.ok && needsOutcome(job) ? agentInput(() => parseOutcomeText(end.outcome, parseOutcomeInput)) : undefined;
  const catalog =
    end.ok && job.kind === 'rebuildCatalog' ? agentInput(() => parseOutcomeText(end.outcome, parseCatalogOutcome)) : undefined;
  const changed: [HubTopic, string][] = [];
  const accepted = await context.em.transactional(async (tx) => {
    const now = new Date();
    const updated = await tx.nativeUpdate(
      JobEntity,
      { id, phase: { $in: ['Queued', 'Running'] } },
      { phase: end.ok ? 'Succeeded' : 'Failed', finishedAt: now, leaseExpiresAt: null, error: end.ok ? null : end.error },
    );
    if (updated === 0) return false;
    if (catalog) {
      const summary = await importCatalog(tx, job, catalog);
      await tx.nativeUpdate(JobEntity, { id }, { progress: { done: catalog.backups.length, total: catalog.backups.length, bytes: 0, message: summary } });
    }
    changed.push(['jobUpdated', id], ...(await applyEnd(tx, context, job, end, outcome, now)));
    return true;
  });
  for (const [topic, changedId] of changed) publishUpdate(topic, changedId);
  const current = await loadAgentJob(context, id);
  return { accepted, phase: current.phase };
}

function needsOutcome(job: JobRow): boolean {
  return job.kind === 'backup' || job.kind === 'restore';
}

/** Runs a `schema/` parser on what the agent sent; what it refuses is the agent's bad input, named by field. */
function agentInput<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof WireError) throw new BadUserInputError(error.field, error.problem);
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
): Promise<[HubTopic, string][]> {
  const failed = (error: string) => failedOperation(error, now);
  const succeeded = (o: OperationOutcome) => endedOperation(o, now);
  switch (job.kind) {
    case 'backup': {
      const backup = await tx.findOne(BackupEntity, { id: job.subjectId });
      if (!backup) return [];
      Object.assign(backup, end.ok && outcome ? succeeded(outcome) : failed(end.ok ? '' : end.error));
      if (outcome) backup.progress = finalProgress(outcome);
      await tx.flush();
      return [['backupUpdated', backup.id]];
    }
    case 'restore': {
      const restore = await tx.findOne(RestoreEntity, { id: job.subjectId });
      if (!restore) return [];
      Object.assign(restore, end.ok && outcome ? succeeded(outcome) : failed(end.ok ? '' : end.error));
      if (outcome) restore.progress = finalProgress(outcome);
      await tx.flush();
      return [['restoreUpdated', restore.id]];
    }
    case 'deleteBackup': {
      const backup = await tx.findOne(BackupEntity, { id: job.subjectId });
      if (!backup) return [];
      if (end.ok) {
        await tx.nativeDelete(BackupEntity, { id: backup.id });
      } else {
        // The data may be partly gone: the backup stays Deleting, with the error and when the scheduler will
        // ask an agent again, so nothing half-deleted is offered for restore and the failure is visible.
        backup.deletionError = end.error;
        backup.deletionRetryAt = new Date(now.getTime() + deletionRetryDelayMs(backup.deletionAttempts));
        await tx.flush();
      }
      return [['backupUpdated', backup.id]];
    }
    case 'rebuildCatalog':
      return [];
    case 'validateLocation': {
      const location = await tx.findOne(BackupLocationEntity, { id: job.subjectId }, { filters: false });
      if (!location) return [];
      Object.assign(location, {
        validatedAt: now,
        validatedByClusterId: context.session?.clusterId ?? null,
        validationError: end.ok ? null : end.error,
      });
      await tx.flush();
      return [];
    }
    default:
      return unreachable(job.kind);
  }
}
