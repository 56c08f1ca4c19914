import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { BackupSpec } from '#schema/contracts/BackupSpec';
import { newId } from '../db/newId.ts';
import { namespaceScopeFilter } from '../db/namespaceScopeFilter.ts';
import { clusterScopeFilter } from '../db/scopeFilter.ts';
import type { BackupPhase, BackupProgress, BackupResultSummary, DeletionReason } from './backupLifecycle.ts';
import { BackupScheduleEntity } from '../schedules/BackupScheduleEntity.ts';
import { BackupLocationEntity } from '../locations/BackupLocationEntity.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';

/** A backup in the catalog. Its data lives in the location under `backups/<id>/`; this row describes it. */
export const BackupEntity = defineEntity({
  name: 'Backup',
  tableName: 'backups',
  uniques: [{ properties: ['clusterId', 'name'] }],
  // Lists are newest first, filtered by tenant (the scope filter), cluster or phase; each index leads with the
  // equality columns and ends with the sort key and its tie-breaker, so a first page reads 51 index entries, not the table.
  indexes: [
    { properties: ['tenantId', 'createdAt', 'id'] },
    { properties: ['clusterId', 'createdAt', 'id'] },
    { properties: ['clusterId', 'phase', 'createdAt', 'id'] },
    { properties: ['phase', 'createdAt', 'id'] },
    { properties: ['expiresAt'] },
    // Retention reads a schedule's backups newest first; retries read the deletions due.
    { properties: ['scheduleId', 'createdAt', 'id'] },
    { properties: ['deletionRetryAt'] },
  ],
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    tenantId: p.manyToOne(TenantEntity).mapToPk().fieldName('tenant_id').deleteRule('cascade'),
    /** No foreign key, by design: a backup outlives its cluster and can be restored into another. */
    clusterId: p.string(),
    /** `deleteBackupLocation` refuses (CONFLICT) while the catalog holds backups in the location. */
    locationId: p.manyToOne(BackupLocationEntity).mapToPk().fieldName('location_id'),
    name: p.string(),
    spec: p.json<BackupSpec>(),
    labels: p.json<Record<string, string>>(),
    /** No CHECK constraint: the list grows with the product, and the API and parsers refuse unknown values. */
    phase: p.string().$type<BackupPhase>(),
    progress: p.json<BackupProgress>(),
    result: p.json<BackupResultSummary>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    expiresAt: p.datetime(),
    /** The schedule that took it; null for an on-demand backup or once the schedule is deleted. */
    scheduleId: p.manyToOne(BackupScheduleEntity).mapToPk().fieldName('schedule_id').nullable().deleteRule('set null'),
    /** The run time of its schedule it stands for. */
    scheduledFor: p.datetime().nullable(),
    /** Taken late: its cluster was disconnected at the run time, or it catches up runs missed while the hub was down. */
    late: p.boolean().default(false),
    /** Why it is being deleted; null until a deletion is first asked for. No CHECK constraint, as for `phase`. */
    deletionReason: p.string().$type<DeletionReason>().nullable(),
    /** Deletion jobs queued so far: more than one means earlier ones failed. */
    deletionAttempts: p.integer().default(0),
    /** Why the last deletion job failed; null while none has. */
    deletionError: p.text().nullable(),
    /** When the scheduler asks an agent again after a failed deletion. */
    deletionRetryAt: p.datetime().nullable(),
  },
  filters: { scope: clusterScopeFilter('clusterId'), namespaceScope: namespaceScopeFilter('backup') },
});

export type BackupRow = InferEntity<typeof BackupEntity>;
