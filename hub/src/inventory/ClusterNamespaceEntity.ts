import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { PvcSummary, WorkloadSummary } from '#schema/agent/ClusterInventory';
import { clusterScopeFilter } from '../db/scopeFilter.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/**
 * One namespace of a cluster as its agent last reported it: the application view's row. A namespace is one
 * row so that an agent's update of one namespace rewrites that namespace only.
 */
export const ClusterNamespaceEntity = defineEntity({
  name: 'ClusterNamespace',
  tableName: 'cluster_namespaces',
  properties: {
    clusterId: p.manyToOne(ClusterEntity).mapToPk().fieldName('cluster_id').primary().deleteRule('cascade'),
    name: p.string().primary(),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    labels: p.json<Record<string, string>>(),
    workloads: p.json<WorkloadSummary[]>(),
    persistentVolumeClaims: p.json<PvcSummary[]>(),
    countsByKind: p.json<Record<string, number>>(),
    updatedAt: p.datetime(),
  },
  filters: { scope: clusterScopeFilter('clusterId') },
});

export type ClusterNamespaceRow = InferEntity<typeof ClusterNamespaceEntity>;
