import type { EntityManager } from '@mikro-orm/core';
import { BackupEntity } from '../backups/BackupEntity.ts';

/**
 * How many catalog backups live in a location, whichever clusters they belong to: a cluster-narrowed admin
 * must not delete a location that other clusters' backups are in, so the scope filter is off here.
 */
export async function countLocationBackups(em: EntityManager, locationId: string): Promise<number> {
  return em.count(BackupEntity, { locationId }, { filters: false });
}
