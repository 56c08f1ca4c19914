import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { newId } from '../db/newId.ts';
import { tenantScopeFilter } from '../db/scopeFilter.ts';
import { roles } from './Role.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/** A token for automation: a role in one tenant, optionally narrowed. Only its SHA-256 is stored. */
export const ApiTokenEntity = defineEntity({
  name: 'ApiToken',
  tableName: 'api_tokens',
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    name: p.string(),
    role: p.enum(roles),
    clusterIds: p.json<string[]>(),
    namespaces: p.json<string[]>(),
    secretHash: p.string().unique(),
    /** The token's first characters, so a user can tell tokens apart without the secret. */
    hint: p.string(),
    createdBy: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    lastUsedAt: p.datetime().nullable(),
  },
  filters: { scope: tenantScopeFilter },
});

export type ApiTokenRow = InferEntity<typeof ApiTokenEntity>;
