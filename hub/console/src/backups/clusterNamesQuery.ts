import { defineOperation } from '../api/Operation.ts';

export interface ClusterName {
  id: string;
  tenantId: string;
  name: string;
}

/** The clusters of the chosen tenant(s), to name each backup's cluster and to filter by one. */
export const clusterNamesQuery = defineOperation<
  { clusters: { edges: { node: ClusterName }[] } },
  { tenantId: string | null }
>(`
  query ClusterNames($tenantId: ID) {
    clusters(first: 500, filter: { tenantId: $tenantId }) { edges { node { id tenantId name } } }
  }
`);
