import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
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
    description: 'Takes backups again from the next planned time. Idempotent.',
  })
  async resumeBackupSchedule(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<BackupSchedule> {
    const row = await loadBackupSchedule(em, principal, id, 'operate');
    row.suspended = false;
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
