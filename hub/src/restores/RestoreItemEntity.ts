import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { RestoreItemResult } from '#schema/agent/RestoreItemReport';
import { newId } from '../db/newId.ts';
import { clusterScopeFilter } from '../db/scopeFilter.ts';
import { RestoreEntity } from './RestoreEntity.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/**
 * What one restore did with one item, as its agent reported it. A row carries its restore's tenant and
 * target cluster so the same scope filter that hides the restore hides its items. `index` numbers the items
 * of the run that reported them; (restore, index) is unique, which makes a redelivered batch harmless.
 * `attempt` is the delivery of the job that ran: a later delivery's report replaces an earlier one's rows.
 */
export const RestoreItemEntity = defineEntity({
  name: 'RestoreItem',
  tableName: 'restore_items',
  uniques: [{ properties: ['restoreId', 'index'] }],
  // Listing a restore's failed (or skipped…) items, and counting them by result.
  indexes: [{ properties: ['restoreId', 'result', 'index'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    /** The restore's target cluster. */
    clusterId: p.string(),
    restoreId: p.manyToOne(RestoreEntity).mapToPk().fieldName('restore_id').deleteRule('cascade'),
    attempt: p.integer(),
    index: p.integer(),
    type: p.string(),
    namespace: p.string().nullable(),
    name: p.string(),
    /** No CHECK constraint: the list grows with the product, and the API and parsers refuse unknown values. */
    result: p.string().$type<RestoreItemResult>(),
    uid: p.string().nullable(),
    reason: p.text().nullable(),
    error: p.text().nullable(),
  },
  filters: { scope: clusterScopeFilter('clusterId') },
});

export type RestoreItemRow = InferEntity<typeof RestoreItemEntity>;
