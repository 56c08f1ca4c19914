import { parseOutcomeText } from '#schema/agent/outcomeText';
import { WireError } from '#schema/contracts/WireError';
import { compareAndSet } from '../db/compareAndSet.ts';
import { BadUserInputError } from '../errors/errors.ts';
import { JobEntity } from '../jobs/JobEntity.ts';
import type { JobEnd } from '../jobs/JobKindHandler.ts';
import type { AgentContext } from './AgentContext.ts';
import { loadAgentJob } from './loadAgentJob.ts';

/** Whether the report ended the job; false when an earlier report (or a cancellation) already had. */
export interface JobSettlement {
  accepted: boolean;
  phase: string;
}

/**
 * Ends a job and has its kind's handler apply the result to what it acted on, in one transaction. A success's
 * outcome (`completeJob`'s argument, JSON or null) is decoded and parsed by the handler before anything
 * changes. The job's phase is changed only if it has not ended, so of two deliveries that both finish, exactly
 * one takes effect; the other is told it was not accepted, which is not an error.
 */
export async function finishJob(context: AgentContext, id: string, end: JobEnd<string | null>): Promise<JobSettlement> {
  const job = await loadAgentJob(context, id);
  const handler = context.dispatcher.jobKinds[job.kind];
  const parsed: JobEnd<unknown> = end.ok ? { ok: true, outcome: decodeOutcome(end.outcome, handler.parseOutcome) } : end;
  const accepted = await context.em.transactional(async (tx) => {
    const now = new Date();
    const updated = await compareAndSet(
      tx,
      JobEntity,
      { id, phase: { $in: ['Queued', 'Running'] } },
      { phase: end.ok ? 'Succeeded' : 'Failed', finishedAt: now, leaseExpiresAt: null, error: end.ok ? null : end.error },
    );
    if (!updated) return false;
    const clusterId = context.session?.clusterId ?? null;
    await handler.finish(tx, job, parsed, { now, clusterId });
    return true;
  });
  const current = await loadAgentJob(context, id);
  return { accepted, phase: current.phase };
}

/**
 * The outcome as the kind's parser reads it, or undefined for a kind whose jobs report none (whatever was
 * sent); what the agent sent wrong is its bad input, named by field.
 */
function decodeOutcome(text: string | null, parse: ((value: unknown) => unknown) | null): unknown {
  if (!parse) return undefined;
  try {
    return parseOutcomeText(text, parse);
  } catch (error) {
    if (error instanceof WireError) throw new BadUserInputError(error.field, error.problem);
    throw error;
  }
}
