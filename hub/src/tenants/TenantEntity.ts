import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { newId } from '../db/newId.ts';

/** A tenant owns everything else. Not filtered by scope: resolvers list only the caller's tenants. */
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
});

export type TenantRow = InferEntity<typeof TenantEntity>;
