import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { newId } from '../db/newId.ts';
import type { Scope } from '../db/scopeFilter.ts';

/** A tenant owns everything else; a caller sees only the tenants it holds a grant in. */
export const TenantEntity = defineEntity({
  name: 'Tenant',
  tableName: 'tenants',
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    name: p.string().unique(),
    displayName: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  filters: {
    scope: {
      name: 'scope',
      default: true,
      cond: (scope: Scope) => (scope.all ? {} : { id: { $in: scope.tenantIds } }),
    },
  },
});

export type TenantRow = InferEntity<typeof TenantEntity>;
