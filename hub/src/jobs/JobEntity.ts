import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { newId } from '../db/newId.ts';
import { clusterScopeFilter } from '../db/scopeFilter.ts';
import type { JobKind, JobProgressReport } from '#schema/agent/JobPayload';
import type { JobPhase } from './jobLifecycle.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/**
 * Work for one cluster's agent. Delivery is at-least-once: an agent holds a job under a lease until it ends,
 * and a job whose lease lapses is offered again (`attempts` counts the offers). The job id is the agent's
 * idempotency key.
 */
export const JobEntity = defineEntity({
  name: 'Job',
  tableName: 'jobs',
  // The dispatcher asks "the oldest queued jobs of cluster X"; the API lists by tenant or cluster, newest first.
  indexes: [
    { properties: ['tenantId', 'createdAt'] },
    { properties: ['clusterId', 'phase', 'createdAt'] },
    { properties: ['subjectId'] },
  ],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    /** The cluster whose agent runs the job. No foreign key (nor for the subject): a job stays in the history. */
    clusterId: p.string(),
    /** No CHECK constraint: the list grows with the product, and the API and parsers refuse unknown values. */
    kind: p.string().$type<JobKind>(),
    subjectId: p.string(),
    /** No CHECK constraint: the list grows with the product, and the API and parsers refuse unknown values. */
    phase: p.string().$type<JobPhase>(),
    attempts: p.integer().default(0),
    leaseExpiresAt: p.datetime().nullable(),
    /** The agent's latest report, throttled to about one a second; null until the first. */
    progress: p.json<JobProgressReport>().nullable(),
    error: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
  // Its `namespaceScope` filter needs each kind's reach, which the kinds' handlers declare above this folder:
  // `ormOptions` (server/createOrm.ts) adds it.
  filters: { scope: clusterScopeFilter('clusterId') },
});

export type JobRow = InferEntity<typeof JobEntity>;
