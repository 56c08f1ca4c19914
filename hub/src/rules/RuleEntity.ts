import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { RuleSpec } from '#schema/contracts/RuleSpec';
import { newId } from '../db/newId.ts';
import { tenantScopeFilter } from '../db/scopeFilter.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/** Commands run in pods before or after a backup; any number of schedules and backups may use one rule. */
export const RuleEntity = defineEntity({
  name: 'Rule',
  tableName: 'rules',
  uniques: [{ properties: ['tenantId', 'name'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    name: p.string(),
    spec: p.json<RuleSpec>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  filters: { scope: tenantScopeFilter },
});

export type RuleRow = InferEntity<typeof RuleEntity>;
