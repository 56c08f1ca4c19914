import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { newId } from '../db/newId.ts';
import { tenantScopeFilter } from '../db/scopeFilter.ts';
import { roles } from './Role.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/** Grants a role in a tenant to an OIDC user (by subject) or group, optionally narrowed. */
export const RoleBindingEntity = defineEntity({
  name: 'RoleBinding',
  tableName: 'role_bindings',
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    subjectKind: p.enum(['user', 'group'] as const),
    subject: p.string().index(),
    role: p.enum(roles),
    /** Cluster ids the binding is narrowed to; empty means every cluster of the tenant. */
    clusterIds: p.json<string[]>(),
    /** Namespace glob patterns (`shop-*`) the binding is narrowed to; empty means every namespace. */
    namespaces: p.json<string[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  filters: { scope: tenantScopeFilter },
});

export type RoleBindingRow = InferEntity<typeof RoleBindingEntity>;
