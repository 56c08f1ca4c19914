import type { FilterQuery } from '@mikro-orm/core';
import type { BackupLocationRow } from './BackupLocationEntity.ts';
import type { BackupLocationFilter } from './BackupLocationInputs.ts';
import { nameContains } from '../graphql/nameContains.ts';

/** The rows of `tenantId` a filter selects; an empty filter selects them all. */
export function backupLocationFilterQuery(
  tenantId: string,
  filter: BackupLocationFilter | null | undefined,
): FilterQuery<BackupLocationRow> {
  const where: Record<string, unknown> = { tenantId };
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.credentialId) where.credentialId = filter.credentialId;
  if (filter?.nameContains) where.name = nameContains('filter.nameContains', filter.nameContains);
  return where as FilterQuery<BackupLocationRow>;
}
