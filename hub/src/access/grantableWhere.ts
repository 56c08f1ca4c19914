import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import type { Principal } from '../auth/Principal.ts';
import type { Role } from './Role.ts';
import { mayGrant } from './authorizeGrant.ts';

interface GrantRow {
  id: string;
  tenantId: string;
  role: Role;
  clusterIds: string[];
  namespaces: string[];
}

/**
 * The condition that lists a tenant's role bindings or API tokens to a tenant admin: those it could have
 * granted itself (`mayGrant`), so a narrowed admin neither sees nor learns of wider ones. A tenant holds few
 * of them, so a narrowed caller's rows are matched here rather than in SQL over JSON columns.
 */
export async function grantableWhere<Row extends GrantRow>(
  em: EntityManager,
  principal: Principal,
  entity: EntityName<Row>,
  tenantId: string,
): Promise<FilterQuery<Row>> {
  if (mayGrant(principal, { tenantId, role: 'admin', clusterIds: [], namespaces: [] })) {
    return { tenantId } as FilterQuery<Row>;
  }
  const rows = (await em.find(entity, { tenantId } as FilterQuery<Row>)) as GrantRow[];
  const ids = rows.filter((row) => mayGrant(principal, row)).map((row) => row.id);
  return { tenantId, id: { $in: ids } } as FilterQuery<Row>;
}
