import type { EntityManager } from '@mikro-orm/core';
import { type Action } from '../access/Role.ts';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { namespacesTouched } from '../backups/namespacesTouched.ts';
import { BackupScheduleEntity, type BackupScheduleRow } from './BackupScheduleEntity.ts';
import { findVisible } from '../db/findVisible.ts';

/**
 * A schedule the caller may `action` on: its cluster and the namespaces its template takes must be covered.
 * NOT_FOUND when it is outside the caller's scope.
 */
export async function loadBackupSchedule(
  em: EntityManager,
  principal: Principal,
  id: string,
  action: Action,
): Promise<BackupScheduleRow> {
  const row = await findVisible(em, BackupScheduleEntity, 'BackupSchedule', id);
  authorize(principal, action, {
    tenantId: row.tenantId,
    clusterId: row.clusterId,
    namespaces: action === 'read' ? undefined : namespacesTouched(row.template.includeNamespaces),
  });
  return row;
}
