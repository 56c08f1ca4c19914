import type { JobProgressReport } from '#schema/agent/JobPayload';
import { isFinished } from '../jobs/jobLifecycle.ts';
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
  await context.dispatcher.jobKinds[job.kind].progress(context.em, job, progress);
  await context.em.flush();
  return { stop: false, reason: null, leaseExpiresAt };
}
