import type { EntityManager, EntityName, FilterQuery, Loaded } from '@mikro-orm/core';
import { NotFoundError } from '../errors/errors.ts';

/**
 * Loads one row by id through the caller's scoped entity manager, or throws NOT_FOUND: a row outside the
 * caller's scope and a row that does not exist look the same, so ids reveal nothing.
 */
export async function findVisible<Row extends object>(
  em: EntityManager,
  entity: EntityName<Row>,
  kind: string,
  id: string,
): Promise<Loaded<Row>> {
  const row = await em.findOne(entity, { id } as FilterQuery<NoInfer<Row>>);
  if (!row) throw new NotFoundError(kind, id);
  return row;
}
