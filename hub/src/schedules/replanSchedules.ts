import type { EntityManager } from '@mikro-orm/core';
import { BackupScheduleEntity } from './BackupScheduleEntity.ts';

/**
 * Drops the planned next run of the active schedules using a policy whose timing changed; the scheduler plans
 * them again from now (their `updatedAt`). All of them, seen or not by the caller: it is the policy that changed.
 */
export async function replanSchedules(em: EntityManager, what: { policyId: string }): Promise<void> {
  await em.nativeUpdate(
    BackupScheduleEntity,
    { policyId: what.policyId, suspended: false },
    { nextRunAt: null, updatedAt: new Date() },
    { filters: false },
  );
}
