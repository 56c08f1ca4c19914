import { type FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorize, authorizeWholeTenant } from '../access/authorize.ts';
import { newSecret } from '../auth/secretToken.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { LabelInput, labelsFromList } from '../graphql/Label.ts';
import { labelFilter } from '../graphql/labelFilter.ts';
import { paginate } from '../graphql/paginate.ts';
import { validateLabels, validateName } from '../graphql/validateName.ts';
import {
  agentStaleAfterMs,
  Cluster,
  ClusterConnection,
  ClusterEnrollment,
  ClusterFilter,
  ClusterStatus,
  RegisterClusterInput,
} from './Cluster.ts';
import { BackupScheduleEntity } from '../schedules/BackupScheduleEntity.ts';
import { ClusterEntity, type ClusterRow } from './ClusterEntity.ts';
import { flushOrConflict } from '../db/flushOrConflict.ts';
import { findVisible } from '../db/findVisible.ts';
import { Backup } from '../backups/Backup.ts';
import { findLastSuccessfulBackup } from '../backups/findLastSuccessfulBackup.ts';
import { nameContains } from '../graphql/nameContains.ts';
import { requireTenant } from '../tenants/requireTenant.ts';

/**
 * What administering a cluster touches: its agent acts on every namespace, so a binding narrowed to namespaces
 * does not cover it.
 */
const wholeCluster = ['*'];

/** How long an enrollment token stays valid: long enough to install the agent, short enough to not linger. */
export const enrollmentLifetimeMs = 60 * 60 * 1000;

function filterOf(filter: ClusterFilter | null | undefined): FilterQuery<ClusterRow> {
  const where: Record<string, unknown> = {};
  if (filter?.tenantId) where.tenantId = filter.tenantId;
  if (filter?.nameContains) where.name = nameContains('filter.nameContains', filter.nameContains);
  switch (filter?.status) {
    case ClusterStatus.PendingEnrollment:
      where.enrolledAt = null;
      break;
    case ClusterStatus.Connected:
      Object.assign(where, {
        enrolledAt: { $ne: null },
        connected: true,
        lastSeenAt: { $gt: new Date(Date.now() - agentStaleAfterMs) },
      });
      break;
    case ClusterStatus.Disconnected:
      Object.assign(where, {
        enrolledAt: { $ne: null },
        $or: [{ connected: false }, { lastSeenAt: null }, { lastSeenAt: { $lte: new Date(Date.now() - agentStaleAfterMs) } }],
      });
      break;
    case undefined:
    case null:
      break;
  }
  if (filter?.labels?.length) where.labels = labelFilter('filter.labels', filter.labels);
  return where as FilterQuery<ClusterRow>;
}

@Resolver(() => Cluster)
export class ClusterResolver {
  @Query(() => ClusterConnection, { description: 'Clusters the caller can see, by name.' })
  clusters(
    @Arg('filter', () => ClusterFilter, { nullable: true }) filter: ClusterFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em }: HubContext,
  ) {
    return paginate(
      em,
      ClusterEntity,
      filterOf(filter),
      page,
      { sortBy: 'name', direction: 'asc' },
      Cluster.from,
    );
  }

  @Query(() => Cluster)
  async cluster(@Arg('id', () => ID) id: string, @Ctx() { em }: HubContext): Promise<Cluster> {
    const row = await findVisible(em, ClusterEntity, 'Cluster', id);
    return Cluster.from(row);
  }

  @FieldResolver(() => Backup, {
    nullable: true,
    description:
      'The newest Completed or PartiallyFailed backup of this cluster, by creation time; none until one succeeds.',
  })
  async lastSuccessfulBackup(@Root() cluster: Cluster, @Ctx() { em }: HubContext): Promise<Backup | null> {
    const row = await findLastSuccessfulBackup(em, cluster.id);
    return row ? Backup.from(row) : null;
  }

  @Mutation(() => ClusterEnrollment, {
    description: 'Registers a cluster and returns its one-time enrollment token.',
  })
  async registerCluster(
    @Arg('input', () => RegisterClusterInput) input: RegisterClusterInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<ClusterEnrollment> {
    authorizeWholeTenant(principal, 'administer', input.tenantId, 'registering a cluster');
    await requireTenant(em, input.tenantId);
    const name = validateName('input.name', input.name);
    const labels = validateLabels('input.labels', labelsFromList(input.labels));
    const secret = newSecret('fbk_enroll');
    const expiresAt = new Date(Date.now() + enrollmentLifetimeMs);
    const row = em.create(ClusterEntity, {
      tenantId: input.tenantId,
      name,
      labels,
      enrollmentHash: secret.hash,
      enrollmentExpiresAt: expiresAt,
      credentialHash: null,
      enrolledAt: null,
      agentVersion: null,
      kubernetesVersion: null,
      lastSeenAt: null,
    });
    await flushOrConflict(em, `this tenant already has a cluster named '${name}'`);
    return Object.assign(new ClusterEnrollment(), {
      cluster: Cluster.from(row),
      enrollmentToken: secret.token,
      expiresAt,
    });
  }

  @Mutation(() => ClusterEnrollment, {
    description:
      'Issues a new enrollment token; the agent re-enrolls with it and its old credential stops working.',
  })
  async renewClusterEnrollment(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal, signals }: HubContext,
  ) {
    const row = await findVisible(em, ClusterEntity, 'Cluster', id);
    authorize(principal, 'administer', { tenantId: row.tenantId, clusterId: id, namespaces: wholeCluster });
    const secret = newSecret('fbk_enroll');
    const expiresAt = new Date(Date.now() + enrollmentLifetimeMs);
    Object.assign(row, { enrollmentHash: secret.hash, enrollmentExpiresAt: expiresAt, credentialHash: null });
    await em.flush();
    signals.send({ type: 'clusterRevoked', clusterId: id });
    return Object.assign(new ClusterEnrollment(), {
      cluster: Cluster.from(row),
      enrollmentToken: secret.token,
      expiresAt,
    });
  }

  @Mutation(() => Cluster)
  async setClusterLabels(
    @Arg('id', () => ID) id: string,
    @Arg('labels', () => [LabelInput]) labels: LabelInput[],
    @Ctx() { em, principal }: HubContext,
  ): Promise<Cluster> {
    const row = await findVisible(em, ClusterEntity, 'Cluster', id);
    authorize(principal, 'administer', { tenantId: row.tenantId, clusterId: id, namespaces: wholeCluster });
    row.labels = validateLabels('labels', labelsFromList(labels));
    await em.flush();
    return Cluster.from(row);
  }

  @Mutation(() => ID, { description: "Deletes the cluster; its agent's credential stops working at once." })
  async deleteCluster(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal, signals }: HubContext,
  ): Promise<string> {
    const row = await findVisible(em, ClusterEntity, 'Cluster', id);
    authorize(principal, 'administer', { tenantId: row.tenantId, clusterId: id, namespaces: wholeCluster });
    // Its schedules could never run again; its backups stay in the catalog and can be restored elsewhere.
    await em.transactional(async (tx) => {
      await tx.nativeDelete(BackupScheduleEntity, { clusterId: id });
      await tx.nativeDelete(ClusterEntity, { id });
    });
    signals.send({ type: 'clusterRevoked', clusterId: id });
    return id;
  }
}
