import type { JobProgressReport } from '#schema/agent/JobPayload';
import { BackupEntity } from '../backups/BackupEntity.ts';
import { isFinished } from '../jobs/jobLifecycle.ts';
import { RestoreEntity } from '../restores/RestoreEntity.ts';
import type { AgentContext } from './AgentContext.ts';
import { loadAgentJob } from './loadAgentJob.ts';

/** The answer to a progress report: the renewed lease, or that the job has ended and must stop. */
export interface ProgressAnswer {
  stop: boolean;
  reason: string | null;
  leaseExpiresAt: Date | null;
}

/**
 * Records progress and renews the job's lease; the agent's reports double as its heartbeat for the job. A
 * report for a job that ended (a user cancelled it) tells the agent to stop.
 */
export async function reportJobProgress(
  context: AgentContext,
  id: string,
  progress: JobProgressReport,
): Promise<ProgressAnswer> {
  const job = await loadAgentJob(context, id);
  if (isFinished(job.phase)) {
    return { stop: true, reason: job.error ?? `the job has ended: ${job.phase}`, leaseExpiresAt: null };
  }
  const leaseExpiresAt = new Date(Date.now() + context.dispatcher.leaseMs);
  Object.assign(job, { phase: 'Running', progress, leaseExpiresAt });
  const subject =
    job.kind === 'backup'
      ? await context.em.findOne(BackupEntity, { id: job.subjectId })
      : job.kind === 'restore'
        ? await context.em.findOne(RestoreEntity, { id: job.subjectId })
        : null;
  if (subject) subject.progress = { itemsDone: progress.done, itemsTotal: progress.total, bytes: progress.bytes };
  await context.em.flush();
  return { stop: false, reason: null, leaseExpiresAt };
}
