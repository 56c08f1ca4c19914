import { UnauthenticatedError, NotFoundError } from '../errors/errors.ts';
import { JobEntity, type JobRow } from '../jobs/JobEntity.ts';
import type { AgentContext } from './AgentContext.ts';
import type { AgentSession } from './AgentSession.ts';

/** The enrolled session of the caller, or UNAUTHENTICATED for a connection that has not enrolled. */
export function requireSession(context: AgentContext): AgentSession {
  if (!context.session) {
    throw new UnauthenticatedError('this connection carries no cluster credential; enroll first');
  }
  return context.session;
}

/** One of the agent's own cluster's jobs, freshly read; another cluster's job is NOT_FOUND. */
export async function loadAgentJob(context: AgentContext, id: string): Promise<JobRow> {
  requireSession(context);
  const job = await context.em.findOne(JobEntity, { id }, { refresh: true });
  if (!job) throw new NotFoundError('Job', id);
  return job;
}
