import type { EntityKey, EntityManager, EntityName, QueryResult, RequiredEntityData } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { recordNativeChanges } from './CommittedChanges.ts';

/**
 * Inserts `rows` in one statement, skipping each whose `unique` columns match a row already there (on both
 * databases), and returns how many were new; a concurrent redelivery of the same rows therefore cannot fail.
 * When any row is new, the rows count as changed in `em`'s transaction, so their update events follow its
 * commit like a flushed change's.
 */
export async function insertNewRows<Row extends object>(
  em: EntityManager,
  entity: EntityName<Row>,
  rows: readonly RequiredEntityData<Row>[],
  unique: EntityKey<Row>[],
): Promise<number> {
  const result: QueryResult = await (em as SqlEntityManager)
    .createQueryBuilder(entity)
    .insert([...rows])
    .onConflict(unique)
    .ignore()
    .execute('run');
  if (result.affectedRows > 0) recordNativeChanges(em, entity, rows);
  return result.affectedRows;
}
