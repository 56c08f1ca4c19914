import type { EntityManager } from '@mikro-orm/core';
import {
  maxRestoreItemsPerReport,
  parseRestoreItemReport,
  type RestoreItemReport,
  type RestoreItemWire,
} from '#schema/agent/RestoreItemReport';
import { WireError } from '#schema/contracts/WireError';
import { insertNewRows } from '../db/insertNewRows.ts';
import { newId } from '../db/newId.ts';
import type { AgentContext } from '../dispatch/AgentContext.ts';
import { loadAgentJob } from '../dispatch/loadAgentJob.ts';
import { BadUserInputError, NotFoundError } from '../errors/errors.ts';
import { isFinished } from '../jobs/jobLifecycle.ts';
import { RestoreEntity, type RestoreRow } from './RestoreEntity.ts';
import { RestoreItemEntity } from './RestoreItemEntity.ts';

/** The hub's answer to `reportRestoreItems`: how many rows were new, or that the job has ended. */
export interface RestoreItemsAnswer {
  stored: number;
  stop: boolean;
  reason: string | null;
}

/**
 * Records a batch of item outcomes of the agent's own unfinished restore job (another cluster's job is
 * NOT_FOUND, as for every agent operation). Idempotent: an item whose index the restore already holds is
 * left as it is, so a redelivered batch stores nothing twice. The first batch of a later delivery (`attempt`)
 * of the job replaces the rows of earlier ones, and a batch of a delivery that a later one superseded is
 * dropped: the record is that of one run. A job that has ended takes no more items and tells the agent to stop.
 */
export async function reportRestoreItems(
  context: AgentContext,
  jobId: string,
  attempt: number,
  wire: readonly RestoreItemWire[],
): Promise<RestoreItemsAnswer> {
  const job = await loadAgentJob(context, jobId);
  if (job.kind !== 'restore') {
    throw new BadUserInputError('id', `job '${jobId}' is a ${job.kind} job; only restore jobs report items`);
  }
  if (!Number.isSafeInteger(attempt) || attempt < 1 || attempt > job.attempts) {
    throw new BadUserInputError('attempt', `must be a delivery of this job, 1 to ${job.attempts}`);
  }
  const items = parseItems(wire);
  if (isFinished(job.phase)) {
    return { stored: 0, stop: true, reason: job.error ?? `the job has ended: ${job.phase}` };
  }
  const restore = await context.em.findOne(RestoreEntity, { id: job.subjectId });
  if (!restore) throw new NotFoundError('Restore', job.subjectId);
  const stored = await context.em.transactional((tx) => store(tx, restore, attempt, items));
  return { stored, stop: false, reason: null };
}

function parseItems(wire: readonly RestoreItemWire[]): RestoreItemReport[] {
  if (wire.length === 0 || wire.length > maxRestoreItemsPerReport) {
    throw new BadUserInputError('items', `must hold 1 to ${maxRestoreItemsPerReport} items`);
  }
  const seen = new Set<number>();
  return wire.map((value, i) => {
    let item: RestoreItemReport;
    try {
      item = parseRestoreItemReport(value, `items[${i}]`);
    } catch (error) {
      if (error instanceof WireError) throw new BadUserInputError(error.field, error.problem);
      throw error;
    }
    if (seen.has(item.index)) throw new BadUserInputError(`items[${i}].index`, `${item.index} appears twice`);
    seen.add(item.index);
    return item;
  });
}

async function store(
  tx: EntityManager,
  restore: RestoreRow,
  attempt: number,
  items: readonly RestoreItemReport[],
): Promise<number> {
  const restoreId = restore.id;
  if ((await tx.count(RestoreItemEntity, { restoreId, attempt: { $gt: attempt } })) > 0) return 0;
  await tx.nativeDelete(RestoreItemEntity, { restoreId, attempt: { $lt: attempt } });
  const rows = items.map((item) => ({
    id: newId(),
    tenantId: restore.tenantId,
    clusterId: restore.clusterId,
    restoreId,
    attempt,
    index: item.index,
    type: item.type,
    namespace: item.namespace,
    name: item.name,
    result: item.result,
    uid: 'uid' in item ? item.uid : null,
    reason: 'reason' in item ? item.reason : null,
    error: 'error' in item ? item.error : null,
  }));
  // A row whose (restore, index) exists is skipped, so a concurrent redelivery cannot fail either.
  return insertNewRows(tx, RestoreItemEntity, rows, ['restoreId', 'index']);
}
