import { defineOperation } from '../api/Operation.ts';

export type RestoreItemResult = 'created' | 'updated' | 'skipped' | 'failed';

export const restoreItemResults: readonly RestoreItemResult[] = ['created', 'updated', 'skipped', 'failed'];

/** What a restore did with one item of its plan, in the target cluster. */
export interface RestoreItem {
  /** The order in which the run applied it, from 0. */
  index: number;
  type: string;
  namespace: string | null;
  name: string;
  result: RestoreItemResult;
  reason: string | null;
  error: string | null;
  uid: string | null;
}

export interface RestoreItemsData {
  restore: {
    id: string;
    items: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: RestoreItem }[];
    };
  };
}

export interface RestoreItemsVariables {
  id: string;
  first: number;
  after: string | null;
  result: RestoreItemResult | null;
}

/** How many items one page of a restore's results shows. */
export const restoreItemsPageSize = 50;

/** One page of a restore's items, in the order it applied them, optionally only those of one result. */
export const restoreItemsQuery = defineOperation<RestoreItemsData, RestoreItemsVariables>(`
  query RestoreItems($id: ID!, $first: Int!, $after: String, $result: RestoreItemResult) {
    restore(id: $id) {
      id
      items(first: $first, after: $after, result: $result) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { index type namespace name result reason error uid } }
      }
    }
  }
`);
