import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../auth/Principal.ts';
import { ConflictError } from '../errors/errors.ts';
import { JobEntity, type JobRow } from './JobEntity.ts';
import type { JobKindHandlers } from './JobKindHandler.ts';
import { isFinished } from './jobLifecycle.ts';
import { findVisible } from '../db/findVisible.ts';

const cancelled = 'cancelled by a user before it finished';

/**
 * Cancels a queued or running job and, through its kind's handler, fails its backup or restore with the
 * reason, in one flush. The agent running it is told at once and stops; results it sends late are ignored.
 */
export async function cancelJob(
  em: EntityManager,
  principal: Principal,
  id: string,
  { signals, jobKinds }: { signals: DispatchSignals; jobKinds: JobKindHandlers },
): Promise<JobRow> {
  const job = await findVisible(em, JobEntity, 'Job', id);
  const handler = jobKinds[job.kind];
  await handler.authorizeCancel(em, principal, job);
  if (isFinished(job.phase)) throw new ConflictError(`job '${id}' has already ended: ${job.phase}`);
  if (handler.notCancellable) throw new ConflictError(handler.notCancellable);
  const now = new Date();
  await handler.cancel(em, job, cancelled, now);
  Object.assign(job, { phase: 'Cancelled', finishedAt: now, leaseExpiresAt: null, error: cancelled });
  await em.flush();
  signals.send({ type: 'jobCancelled', clusterId: job.clusterId, jobId: job.id });
  return job;
}
