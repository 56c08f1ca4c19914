import type { FilterQuery } from '@mikro-orm/core';
import type { BackupScheduleRow } from './BackupScheduleEntity.ts';
import type { BackupScheduleFilter } from './BackupScheduleInputs.ts';

/** The ORM condition for a `backupSchedules` filter; every given criterion must hold. */
export function backupScheduleFilterQuery(
  filter: BackupScheduleFilter | null | undefined,
): FilterQuery<BackupScheduleRow> {
  const where: Record<string, unknown> = {};
  if (filter?.tenantId) where.tenantId = filter.tenantId;
  if (filter?.clusterId) where.clusterId = filter.clusterId;
  if (filter?.policyId) where.policyId = filter.policyId;
  if (filter?.suspended != null) where.suspended = filter.suspended;
  return where as FilterQuery<BackupScheduleRow>;
}
