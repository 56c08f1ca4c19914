import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SchedulePolicyEntity } from '../policies/SchedulePolicyEntity.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { paginate } from '../graphql/paginate.ts';
import { BackupSchedule, BackupScheduleConnection } from './BackupSchedule.ts';
import { BackupScheduleEntity } from './BackupScheduleEntity.ts';
import {
  BackupScheduleFilter,
  CreateBackupScheduleInput,
  UpdateBackupScheduleInput,
} from './BackupScheduleInputs.ts';
import { backupScheduleFilterQuery } from './backupScheduleFilterQuery.ts';
import { createBackupSchedule } from './createBackupSchedule.ts';
import { loadBackupSchedule } from './loadBackupSchedule.ts';
import { nextRuns } from './time/nextRuns.ts';
import { updateBackupSchedule } from './updateBackupSchedule.ts';

@Resolver(() => BackupSchedule)
export class BackupScheduleResolver {
  @Query(() => BackupScheduleConnection, { description: 'Backup schedules the caller can see, by name.' })
  backupSchedules(
    @Arg('filter', () => BackupScheduleFilter, { nullable: true }) filter: BackupScheduleFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: HubContext,
  ) {
    return paginate(
      em,
      BackupScheduleEntity,
      backupScheduleFilterQuery(filter),
      page,
      { sortBy: 'name', direction: 'asc' },
      BackupSchedule.from,
    );
  }

  @Query(() => BackupSchedule)
  async backupSchedule(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<BackupSchedule> {
    return BackupSchedule.from(await loadBackupSchedule(em, principal, id, 'read'));
  }

  @FieldResolver(() => [Date], {
    description:
      'The next `count` run times (at most 50): the planned next run and those after it under the current policy; none while suspended.',
  })
  async nextRunTimes(
    @Root() schedule: BackupSchedule,
    @Arg('count', () => Int, { defaultValue: 5 }) count: number,
    @Ctx() { em }: HubContext,
  ): Promise<Date[]> {
    if (schedule.suspended) return [];
    const policy = await em.findOne(SchedulePolicyEntity, { id: schedule.policyId });
    if (!policy) return [];
    const wanted = Math.max(0, Math.min(count, 50));
    const first = schedule.nextRunAt;
    if (!first) return nextRuns(policy.spec.schedule, new Date(), wanted);
    return wanted === 0 ? [] : [first, ...nextRuns(policy.spec.schedule, first, wanted - 1)];
  }

  @Mutation(() => BackupSchedule, { description: 'Schedules backups of a cluster under a schedule policy.' })
  async createBackupSchedule(
    @Arg('input', () => CreateBackupScheduleInput) input: CreateBackupScheduleInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<BackupSchedule> {
    return BackupSchedule.from(await createBackupSchedule(em, principal, input));
  }

  @Mutation(() => BackupSchedule)
  async updateBackupSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateBackupScheduleInput) input: UpdateBackupScheduleInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<BackupSchedule> {
    return BackupSchedule.from(await updateBackupSchedule(em, principal, id, input));
  }

  @Mutation(() => BackupSchedule, {
    description: 'Stops taking backups until resumed; backups already taken are kept. Idempotent.',
  })
  async suspendBackupSchedule(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<BackupSchedule> {
    const row = await loadBackupSchedule(em, principal, id, 'operate');
    row.suspended = true;
    // A suspended schedule has no next run; resuming plans one afresh rather than catching up.
    row.nextRunAt = null;
    await em.flush();
    return BackupSchedule.from(row);
  }

  @Mutation(() => BackupSchedule, {
    description: 'Takes backups again from the next run time after now; runs missed while suspended are not made up. Idempotent.',
  })
  async resumeBackupSchedule(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<BackupSchedule> {
    const row = await loadBackupSchedule(em, principal, id, 'operate');
    if (row.suspended) {
      row.suspended = false;
      // Planned afresh from now (this update), not caught up for the runs missed while suspended.
      row.nextRunAt = null;
    }
    await em.flush();
    return BackupSchedule.from(row);
  }

  @Mutation(() => ID, {
    description: 'Deletes the schedule; the backups it took are kept until they expire.',
  })
  async deleteBackupSchedule(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<string> {
    const row = await loadBackupSchedule(em, principal, id, 'operate');
    await em.remove(row).flush();
    return id;
  }
}
