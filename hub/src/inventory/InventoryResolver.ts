import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { LabelSelector } from '#schema/contracts/LabelSelector';
import { matchesLabelSelector } from '#schema/contracts/matchesLabelSelector';
import { parseLabelSelector } from '#schema/contracts/parseLabelSelector';
import { authorize, namespaceMatches } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import { parseSpecInput } from '../backups/parseSpecInput.ts';
import { Cluster } from '../clusters/Cluster.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { findVisible } from '../db/findVisible.ts';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors/errors.ts';
import { PageArgs, type Page } from '../graphql/Connection.ts';
import { decodeCursor, encodeCursor } from '../graphql/cursor.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { ClusterFacts } from './ClusterFacts.ts';
import { ClusterNamespaceEntity, type ClusterNamespaceRow } from './ClusterNamespaceEntity.ts';
import { NamespaceInventory, NamespaceInventoryConnection, NamespaceInventoryFilter } from './NamespaceInventory.ts';

function selectorOf(field: string, text: string | null | undefined): LabelSelector | undefined {
  return text ? parseSpecInput('filter', () => parseLabelSelector(text, field)) : undefined;
}

/** Whether some binding lets the caller read this namespace of the cluster. */
function canRead(principal: Principal, row: ClusterNamespaceRow): boolean {
  try {
    authorize(principal, 'read', { tenantId: row.tenantId, clusterId: row.clusterId, namespaces: [row.name] });
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return false;
    throw error;
  }
}

@Resolver(() => Cluster)
export class InventoryResolver {
  @FieldResolver(() => ClusterFacts, { nullable: true, description: 'Null until the agent first reports.' })
  async facts(@Root() cluster: Cluster, @Ctx() { em }: HubContext): Promise<ClusterFacts | null> {
    const row = await findVisible(em, ClusterEntity, 'Cluster', cluster.id);
    return row.facts ? ClusterFacts.from(row.facts) : null;
  }

  @Query(() => NamespaceInventoryConnection, {
    description:
      "The application view: a cluster's namespaces with their workloads, PVCs and object counts, by name, as " +
      'its agent keeps them fresh. Namespaces outside the caller\'s bindings are left out.',
  })
  async clusterNamespaces(
    @Arg('clusterId', () => ID) clusterId: string,
    @Arg('filter', () => NamespaceInventoryFilter, { nullable: true }) filter: NamespaceInventoryFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, principal }: HubContext,
  ): Promise<Page<NamespaceInventory>> {
    const cluster = await findVisible(em, ClusterEntity, 'Cluster', clusterId);
    authorize(principal, 'read', { tenantId: cluster.tenantId, clusterId });
    if (!Number.isInteger(page.first) || page.first < 1 || page.first > 500) {
      throw new BadUserInputError('first', 'must be between 1 and 500');
    }
    const namespaceSelector = selectorOf('namespaceSelector', filter?.namespaceSelector);
    const labelSelector = selectorOf('labelSelector', filter?.labelSelector);
    const after = page.after ? decodeCursor(page.after, 'after').id : undefined;
    const rows = await em.find(ClusterNamespaceEntity, { clusterId }, { orderBy: { name: 'asc' } });
    const matching = rows.filter(
      (row) =>
        canRead(principal, row) &&
        (!filter?.namespaces?.length || filter.namespaces.some((p) => namespaceMatches(p, row.name))) &&
        (!namespaceSelector || matchesLabelSelector(namespaceSelector, row.labels)) &&
        (!labelSelector ||
          [...row.workloads, ...row.persistentVolumeClaims].some((o) => matchesLabelSelector(labelSelector, o.labels))),
    );
    const rest = after === undefined ? matching : matching.filter((row) => row.name > after);
    const shown = rest.slice(0, page.first);
    const edges = shown.map((row) => ({
      cursor: encodeCursor({ key: row.name, id: row.name }),
      node: NamespaceInventory.from(row, labelSelector),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rest.length > shown.length, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: matching.length,
    };
  }
}
