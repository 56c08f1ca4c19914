import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { newId } from '../db/newId.ts';
import { namespaceScopeFilter } from '../db/namespaceScopeFilter.ts';
import { clusterScopeFilter } from '../db/scopeFilter.ts';
import type { BackupTemplate } from './BackupTemplate.ts';
import { RuleEntity } from '../rules/RuleEntity.ts';
import { BackupLocationEntity } from '../locations/BackupLocationEntity.ts';
import { SchedulePolicyEntity } from '../policies/SchedulePolicyEntity.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/**
 * Backups of one cluster taken when a schedule policy says. The location and rules are also columns, copied
 * from the template, so "who uses this rule" is an indexed query and not a scan of JSON.
 */
export const BackupScheduleEntity = defineEntity({
  name: 'BackupSchedule',
  tableName: 'backup_schedules',
  uniques: [{ properties: ['tenantId', 'name'] }],
  // The scheduler will read the due, active schedules; lists filter by cluster or policy.
  indexes: [{ properties: ['suspended', 'nextRunAt'] }],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    clusterId: p.manyToOne(ClusterEntity).mapToPk().fieldName('cluster_id'),
    name: p.string(),
    policyId: p.manyToOne(SchedulePolicyEntity).mapToPk().fieldName('policy_id'),
    locationId: p.manyToOne(BackupLocationEntity).mapToPk().fieldName('location_id'),
    preRuleId: p.manyToOne(RuleEntity).mapToPk().fieldName('pre_rule_id').nullable().deleteRule('no action'),
    postRuleId: p.manyToOne(RuleEntity).mapToPk().fieldName('post_rule_id').nullable().deleteRule('no action'),
    template: p.json<BackupTemplate>(),
    suspended: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    lastRunAt: p.datetime().nullable(),
    /** Null until the scheduler plans the next run, and while the schedule is suspended. */
    nextRunAt: p.datetime().nullable(),
    /** Run times that passed without a backup of their own at the last run (hub down, previous run unfinished). */
    missedRuns: p.integer().default(0),
    /** Why the last run took no backup; null when it did. */
    lastRunError: p.text().nullable(),
  },
  filters: { scope: clusterScopeFilter('clusterId'), namespaceScope: namespaceScopeFilter('schedule') },
});

export type BackupScheduleRow = InferEntity<typeof BackupScheduleEntity>;
