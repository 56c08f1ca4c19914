import type { EntityManager } from '@mikro-orm/core';
import { BackupLocationEntity } from '../locations/BackupLocationEntity.ts';

/** Whether `id` is a backup location of `tenantId` that the caller can see. */
export async function findTenantLocation(em: EntityManager, tenantId: string, id: string): Promise<boolean> {
  return (await em.count(BackupLocationEntity, { id, tenantId })) > 0;
}
