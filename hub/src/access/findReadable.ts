import type { EntityManager, EntityName, FilterQuery, Loaded } from '@mikro-orm/core';
import type { Principal } from '../auth/Principal.ts';
import type { Page, PageArgs } from '../graphql/Connection.ts';
import { paginate } from '../graphql/paginate.ts';
import { findVisible } from '../db/findVisible.ts';
import { authorize } from './authorize.ts';

/** One tenant-owned row the caller may read (NOT_FOUND outside its scope, FORBIDDEN without the right). */
export async function findReadable<Row extends { id: string; tenantId: string }>(
  em: EntityManager,
  principal: Principal,
  entity: EntityName<Row>,
  kind: string,
  id: string,
): Promise<Loaded<Row>> {
  const row = await findVisible(em, entity, kind, id);
  authorize(principal, 'read', { tenantId: row.tenantId });
  return row;
}

/** A page of a tenant's rows of `entity`, by name, for a caller allowed to read the tenant. */
export function listByName<Row extends { id: string; tenantId: string; name: string }, Node>(
  em: EntityManager,
  principal: Principal,
  entity: EntityName<Row>,
  tenantId: string,
  page: PageArgs,
  toNode: (row: Row) => Node,
): Promise<Page<Node>> {
  authorize(principal, 'read', { tenantId });
  return paginate(em, entity, { tenantId } as FilterQuery<Row>, page, { sortBy: 'name', direction: 'asc' }, toNode);
}
