import { defineOperation } from '../api/Operation.ts';
import type { Mapping } from './CreateRestoreInput.ts';
import type { RestoreItemCounts } from './RestoreData.ts';
import type { RestorePhase } from './restorePhase.ts';

export interface RestoreListItem {
  id: string;
  tenantId: string;
  backupId: string;
  sourceClusterId: string;
  targetClusterId: string;
  phase: RestorePhase;
  spec: { dryRun: boolean; existingResourcePolicy: string; namespaceMapping: Mapping[] };
  progress: { itemsDone: number; itemsTotal: number };
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  itemCounts: RestoreItemCounts;
}

export interface RestoresData {
  restores: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: RestoreListItem }[];
  };
  /** To name the clusters. */
  clusters: { edges: { node: { id: string; name: string } }[] };
  /** To name the backups: the newest ones; an older or deleted backup is shown by its id. */
  backups: { edges: { node: { id: string; name: string } }[] };
}

export interface RestoresVariables {
  tenantId: string | null;
  backupId: string | null;
  phases: RestorePhase[] | null;
  first: number;
  after: string | null;
}

export const restoresPageSize = 50;

/** A page of restores, newest first, with the names of their clusters and backups. */
export const restoresQuery = defineOperation<RestoresData, RestoresVariables>(`
  query Restores($tenantId: ID, $backupId: ID, $phases: [RestorePhase!], $first: Int!, $after: String) {
    restores(first: $first, after: $after, filter: { tenantId: $tenantId, backupId: $backupId, phases: $phases }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id tenantId backupId sourceClusterId targetClusterId phase
          spec { dryRun existingResourcePolicy namespaceMapping { from to } }
          progress { itemsDone itemsTotal }
          createdAt startedAt completedAt
          itemCounts { created updated skipped failed }
        }
      }
    }
    clusters(first: 500, filter: { tenantId: $tenantId }) { edges { node { id name } } }
    backups(first: 200, filter: { tenantId: $tenantId }) { edges { node { id name } } }
  }
`);
