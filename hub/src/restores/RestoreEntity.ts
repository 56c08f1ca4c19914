import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { RestoreSpec } from '#schema/contracts/RestoreSpec';
import type { BackupProgress, BackupResultSummary } from '../backups/backupLifecycle.ts';
import { newId } from '../db/newId.ts';
import { namespaceScopeFilter } from '../db/namespaceScopeFilter.ts';
import { clusterScopeFilter } from '../db/scopeFilter.ts';
import type { RestorePhase } from './restoreLifecycle.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/**
 * A restore of one backup into one cluster. The row belongs to the TARGET cluster (`clusterId`): that is where
 * it writes, so that is whose scope decides who sees it.
 */
export const RestoreEntity = defineEntity({
  name: 'Restore',
  tableName: 'restores',
  indexes: [
    { properties: ['tenantId', 'createdAt'] },
    { properties: ['clusterId', 'createdAt'] },
    { properties: ['backupId'] },
  ],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    /** The target cluster. */
    clusterId: p.string(),
    /** Like the clusters, no foreign key: a restore stays in the history after its backup is deleted. */
    backupId: p.string(),
    sourceClusterId: p.string(),
    spec: p.json<RestoreSpec>(),
    /** Target namespaces (names, patterns, or `*` for all) it may write: what `authorize` checks. */
    targetNamespaces: p.json<string[]>(),
    /** No CHECK constraint: the list grows with the product, and the API and parsers refuse unknown values. */
    phase: p.string().$type<RestorePhase>(),
    progress: p.json<BackupProgress>(),
    result: p.json<BackupResultSummary>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
  },
  filters: { scope: clusterScopeFilter('clusterId'), namespaceScope: namespaceScopeFilter('restore') },
});

export type RestoreRow = InferEntity<typeof RestoreEntity>;
