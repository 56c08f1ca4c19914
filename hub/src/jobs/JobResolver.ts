import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { authorize } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { NotFoundError } from '../errors/errors.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { paginate } from '../graphql/paginate.ts';
import { subscribeToUpdates } from '../graphql/subscribeToUpdates.ts';
import { cancelJob } from './cancelJob.ts';
import { Job, JobConnection, JobFilter } from './Job.ts';
import { JobEntity, type JobRow } from './JobEntity.ts';

/** A job the caller may read, freshly loaded; NOT_FOUND when it is outside the caller's scope. */
export async function loadJob(em: EntityManager, principal: Principal, id: string): Promise<JobRow> {
  const row = await em.findOne(JobEntity, { id }, { refresh: true });
  if (!row) throw new NotFoundError('Job', id);
  authorize(principal, 'read', { tenantId: row.tenantId, clusterId: row.clusterId });
  return row;
}

function filterOf(filter: JobFilter | null): FilterQuery<JobRow> {
  const where: Record<string, unknown> = {};
  if (filter?.tenantId) where.tenantId = filter.tenantId;
  if (filter?.clusterId) where.clusterId = filter.clusterId;
  if (filter?.subjectId) where.subjectId = filter.subjectId;
  if (filter?.phases?.length) where.phase = { $in: filter.phases };
  if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
  return where as FilterQuery<JobRow>;
}

@Resolver(() => Job)
export class JobResolver {
  @Query(() => JobConnection, { description: 'Jobs the caller can see, newest first.' })
  jobs(
    @Arg('filter', () => JobFilter, { nullable: true }) filter: JobFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: HubContext,
  ) {
    return paginate(
      em,
      JobEntity,
      filterOf(filter),
      page,
      { sortBy: 'createdAt', direction: 'desc' },
      Job.from,
    );
  }

  @Query(() => Job)
  async job(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: HubContext): Promise<Job> {
    return Job.from(await loadJob(em, principal, id));
  }

  @Mutation(() => Job, { description: 'Cancels a queued or running job and fails its backup or restore.' })
  async cancelJob(@Arg('id', () => ID) id: string, @Ctx() { em, principal, signals, jobKinds }: HubContext): Promise<Job> {
    return Job.from(await cancelJob(em, principal, id, { signals, jobKinds }));
  }

  @Subscription(() => Job, {
    description: 'The job each time it changes. Over HTTP, its current state once.',
    subscribe: subscribeToUpdates('jobUpdated', ({ em, principal }, id) => loadJob(em, principal, id)),
  })
  async jobUpdated(
    @Root() _changedId: string | undefined,
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<Job> {
    // Reloaded per event through the subscriber's scoped entity manager: an event shows what a query would.
    return Job.from(await loadJob(em, principal, id));
  }
}
