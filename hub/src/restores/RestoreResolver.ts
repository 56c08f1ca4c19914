import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { restoreItemResults } from '#schema/agent/RestoreItemReport';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { NotFoundError } from '../errors/errors.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { paginate } from '../graphql/paginate.ts';
import { subscribeToUpdates } from '../graphql/subscribeToUpdates.ts';
import { createRestore } from './createRestore.ts';
import { Restore, RestoreConnection } from './Restore.ts';
import { RestoreEntity, type RestoreRow } from './RestoreEntity.ts';
import { RestoreItem, RestoreItemConnection, RestoreItemCounts, RestoreItemResult } from './RestoreItem.ts';
import { RestoreItemEntity, type RestoreItemRow } from './RestoreItemEntity.ts';
import { CreateRestoreInput, RestoreFilter } from './RestoreInputs.ts';

/** A restore the caller may read, freshly loaded; NOT_FOUND when its target is outside the caller's scope. */
export async function loadRestore(em: EntityManager, principal: Principal, id: string): Promise<RestoreRow> {
  const row = await em.findOne(RestoreEntity, { id }, { refresh: true });
  if (!row) throw new NotFoundError('Restore', id);
  authorize(principal, 'read', { tenantId: row.tenantId, clusterId: row.clusterId });
  return row;
}

function filterOf(filter: RestoreFilter | null): FilterQuery<RestoreRow> {
  const where: Record<string, unknown> = {};
  if (filter?.tenantId) where.tenantId = filter.tenantId;
  if (filter?.backupId) where.backupId = filter.backupId;
  if (filter?.targetClusterId) where.clusterId = filter.targetClusterId;
  if (filter?.phases?.length) where.phase = { $in: filter.phases };
  return where as FilterQuery<RestoreRow>;
}

@Resolver(() => Restore)
export class RestoreResolver {
  @Query(() => RestoreConnection, { description: 'Restores into clusters the caller can see, newest first.' })
  restores(
    @Arg('filter', () => RestoreFilter, { nullable: true }) filter: RestoreFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: HubContext,
  ) {
    return paginate(
      em,
      RestoreEntity,
      filterOf(filter),
      page,
      { sortBy: 'createdAt', direction: 'desc' },
      Restore.from,
    );
  }

  @Query(() => Restore)
  async restore(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: HubContext): Promise<Restore> {
    return Restore.from(await loadRestore(em, principal, id));
  }

  @FieldResolver(() => RestoreItemConnection, {
    description:
      'What the restore did with each item, in the order it applied them; filled in while it runs and whole ' +
      'once it has ended. A dry run records what a real run would do with each item, having read the target.',
  })
  items(
    @Root() restore: Restore,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('result', () => RestoreItemResult, { nullable: true }) result: RestoreItemResult | null,
    @Arg('namespace', () => String, { nullable: true, description: 'A target namespace.' }) namespace: string | null,
    @Arg('type', () => String, { nullable: true, description: 'A resource type: configmaps, deployments.apps.' })
    type: string | null,
    @Ctx() { em }: HubContext,
  ) {
    // The restore was read through the caller's scope; its items carry its tenant and cluster, so the same
    // scope filter applies to them.
    const where: FilterQuery<RestoreItemRow> = {
      restoreId: restore.id,
      ...(result ? { result } : {}),
      ...(namespace ? { namespace } : {}),
      ...(type ? { type } : {}),
    };
    return paginate(em, RestoreItemEntity, where, page, { sortBy: 'index', direction: 'asc' }, RestoreItem.from);
  }

  @FieldResolver(() => RestoreItemCounts, { description: 'How many items `items` holds, by result.' })
  async itemCounts(@Root() restore: Restore, @Ctx() { em }: HubContext): Promise<RestoreItemCounts> {
    const counts = await Promise.all(
      restoreItemResults.map((result) => em.count(RestoreItemEntity, { restoreId: restore.id, result })),
    );
    return Object.assign(
      new RestoreItemCounts(),
      Object.fromEntries(restoreItemResults.map((result, i) => [result, counts[i]])),
    );
  }

  @Mutation(() => Restore, {
    description: 'Queues a restore of a finished backup into a cluster of its tenant.',
  })
  async createRestore(
    @Arg('input', () => CreateRestoreInput) input: CreateRestoreInput,
    @Ctx() { em, principal, signals }: HubContext,
  ): Promise<Restore> {
    return Restore.from(await createRestore(em, principal, input, signals));
  }

  @Subscription(() => Restore, {
    description: 'The restore each time it changes. Over HTTP, its current state once.',
    subscribe: subscribeToUpdates('restoreUpdated', ({ em, principal }, id) =>
      loadRestore(em, principal, id),
    ),
  })
  async restoreUpdated(
    @Root() _changedId: string | undefined,
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<Restore> {
    // Reloaded per event through the subscriber's scoped entity manager: an event shows what a query would.
    return Restore.from(await loadRestore(em, principal, id));
  }
}
