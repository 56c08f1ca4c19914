import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { ClusterFacts } from '#schema/agent/ClusterInventory';
import { newId } from '../db/newId.ts';
import { clusterScopeFilter } from '../db/scopeFilter.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/** A registered cluster and the state of its agent. */
export const ClusterEntity = defineEntity({
  name: 'Cluster',
  tableName: 'clusters',
  uniques: [{ properties: ['tenantId', 'name'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    name: p.string(),
    labels: p.json<Record<string, string>>(),
    /** SHA-256 of the one-time enrollment token; cleared once used. */
    enrollmentHash: p.string().nullable().unique(),
    enrollmentExpiresAt: p.datetime().nullable(),
    /** SHA-256 of the agent's credential; replaced on rotation, so the old one stops working at once. */
    credentialHash: p.string().nullable().unique(),
    enrolledAt: p.datetime().nullable(),
    agentVersion: p.string().nullable(),
    kubernetesVersion: p.string().nullable(),
    /** Facts the agent reported; null until it first connects. */
    facts: p.json<ClusterFacts>().nullable(),
    connected: p.boolean().default(false),
    /** The agent connection that last attached, so a replica losing an older connection leaves `connected` alone. */
    agentSessionId: p.string().nullable(),
    lastSeenAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  filters: { scope: clusterScopeFilter('id') },
});

export type ClusterRow = InferEntity<typeof ClusterEntity>;
