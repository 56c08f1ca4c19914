import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { SchedulePolicySpec } from '#schema/contracts/SchedulePolicySpec';
import { newId } from '../db/newId.ts';
import { tenantScopeFilter } from '../db/scopeFilter.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/** When backups run and how long they are kept; one policy serves any number of backup schedules. */
export const SchedulePolicyEntity = defineEntity({
  name: 'SchedulePolicy',
  tableName: 'schedule_policies',
  uniques: [{ properties: ['tenantId', 'name'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    name: p.string(),
    spec: p.json<SchedulePolicySpec>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  filters: { scope: tenantScopeFilter },
});

export type SchedulePolicyRow = InferEntity<typeof SchedulePolicyEntity>;
