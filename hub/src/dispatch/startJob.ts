import { isFinished } from '../jobs/jobLifecycle.ts';
import type { AgentContext } from './AgentContext.ts';
import { loadAgentJob } from './loadAgentJob.ts';

/** The hub's answer to an acknowledgement: run the job under this lease, or drop it and why. */
export interface JobStart {
  run: boolean;
  reason: string | null;
  leaseExpiresAt: Date | null;
}

/**
 * The agent takes a job it was offered: Queued or Running becomes Running under a fresh lease, and its kind's
 * handler starts its subject (a backup or restore becomes Running). A job that has ended (done by an earlier
 * delivery, or cancelled) is not to be run again: that answer is what makes redelivery harmless.
 */
export async function startJob(context: AgentContext, id: string): Promise<JobStart> {
  const job = await loadAgentJob(context, id);
  if (isFinished(job.phase)) return { run: false, reason: `the job has already ended: ${job.phase}`, leaseExpiresAt: null };
  const now = new Date();
  const leaseExpiresAt = new Date(now.getTime() + context.dispatcher.leaseMs);
  Object.assign(job, { phase: 'Running', startedAt: job.startedAt ?? now, leaseExpiresAt });
  await context.dispatcher.jobKinds[job.kind].start(context.em, job, now);
  await context.em.flush();
  return { run: true, reason: null, leaseExpiresAt };
}
