import type { EntityData, EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { recordNativeChanges } from './CommittedChanges.ts';

/**
 * Writes `changes` to the row `expected.id` only while it still matches `expected`, in one statement, and
 * tells whether it did. Two writers racing for the same row (two replicas offering a job, two deliveries
 * finishing it) cannot both win, which a flush of a loaded entity would not ensure. The row counts as
 * changed in `em`'s transaction, so its update event follows the commit like a flushed change's.
 */
export async function compareAndSet<Row extends { id: string }>(
  em: EntityManager,
  entity: EntityName<Row>,
  expected: FilterQuery<Row> & { id: string },
  changes: EntityData<Row>,
): Promise<boolean> {
  const written = await em.nativeUpdate(entity, expected, changes);
  if (written === 0) return false;
  recordNativeChanges(em, entity, [{ id: expected.id }]);
  return true;
}
