import type { FilterQuery } from '@mikro-orm/core';
import { labelFilter } from '../graphql/labelFilter.ts';
import type { BackupRow } from './BackupEntity.ts';
import type { BackupFilter } from './BackupInputs.ts';
import { nameContains } from '../graphql/nameContains.ts';

/** The ORM condition for a `backups` filter; every given criterion must hold. */
export function backupFilterQuery(filter: BackupFilter | null | undefined): FilterQuery<BackupRow> {
  const where: Record<string, unknown> = {};
  if (filter?.tenantId) where.tenantId = filter.tenantId;
  if (filter?.clusterId) where.clusterId = filter.clusterId;
  if (filter?.phases?.length)
    where.phase = filter.phases.length === 1 ? filter.phases[0] : { $in: filter.phases };
  if (filter?.nameContains) where.name = nameContains('filter.nameContains', filter.nameContains);
  if (filter?.labels?.length) where.labels = labelFilter('filter.labels', filter.labels);
  const createdAt: Record<string, Date> = {};
  if (filter?.createdAfter) createdAt.$gte = filter.createdAfter;
  if (filter?.createdBefore) createdAt.$lt = filter.createdBefore;
  if (Object.keys(createdAt).length > 0) where.createdAt = createdAt;
  return where as FilterQuery<BackupRow>;
}
