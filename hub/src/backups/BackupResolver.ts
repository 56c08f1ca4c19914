import type { EntityManager } from '@mikro-orm/core';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { NotFoundError } from '../errors/errors.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { paginate } from '../graphql/paginate.ts';
import { subscribeToUpdates } from '../graphql/subscribeToUpdates.ts';
import { Backup, BackupConnection } from './Backup.ts';
import { BackupEntity, type BackupRow } from './BackupEntity.ts';
import { BackupFilter, CreateBackupInput } from './BackupInputs.ts';
import { backupFilterQuery } from './backupFilterQuery.ts';
import { createBackup } from './createBackup.ts';
import { deleteBackup } from './deleteBackup.ts';

/** A backup the caller may read, freshly loaded; NOT_FOUND when it is outside the caller's scope. */
export async function loadBackup(em: EntityManager, principal: Principal, id: string): Promise<BackupRow> {
  const row = await em.findOne(BackupEntity, { id }, { refresh: true });
  if (!row) throw new NotFoundError('Backup', id);
  authorize(principal, 'read', { tenantId: row.tenantId, clusterId: row.clusterId });
  return row;
}

@Resolver(() => Backup)
export class BackupResolver {
  @Query(() => BackupConnection, { description: 'Backups the caller can see, newest first.' })
  backups(
    @Arg('filter', () => BackupFilter, { nullable: true }) filter: BackupFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: HubContext,
  ) {
    return paginate(
      em,
      BackupEntity,
      backupFilterQuery(filter),
      page,
      { sortBy: 'createdAt', direction: 'desc' },
      Backup.from,
    );
  }

  @Query(() => Backup)
  async backup(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: HubContext): Promise<Backup> {
    return Backup.from(await loadBackup(em, principal, id));
  }

  @Mutation(() => Backup, { description: 'Takes a backup now: catalogs it as Pending and queues its job.' })
  async createBackup(
    @Arg('input', () => CreateBackupInput) input: CreateBackupInput,
    @Ctx() { em, principal, signals }: HubContext,
  ): Promise<Backup> {
    return Backup.from(await createBackup(em, principal, input, signals));
  }

  @Mutation(() => Backup, { description: 'Marks the backup Deleting and queues the removal of its data.' })
  async deleteBackup(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal, signals }: HubContext,
  ): Promise<Backup> {
    return Backup.from(await deleteBackup(em, principal, id, signals));
  }

  @Subscription(() => Backup, {
    description: 'The backup each time it changes. Over HTTP, its current state once.',
    subscribe: subscribeToUpdates('backupUpdated', ({ em, principal }, id) => loadBackup(em, principal, id)),
  })
  async backupUpdated(
    @Root() _changedId: string | undefined,
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<Backup> {
    // Reloaded per event through the subscriber's scoped entity manager: an event shows what a query would.
    return Backup.from(await loadBackup(em, principal, id));
  }
}
