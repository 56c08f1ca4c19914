import { defineOperation } from '../api/Operation.ts';

export interface ClusterName {
  id: string;
  name: string;
  status: 'PendingEnrollment' | 'Connected' | 'Disconnected';
}

/** A tenant's clusters by name: what a restore's page needs to name its source and target and their agents. */
export const clusterNamesQuery = defineOperation<
  { clusters: { edges: { node: ClusterName }[] } },
  { tenantId: string }
>(`
  query RestoreClusterNames($tenantId: ID!) {
    clusters(first: 500, filter: { tenantId: $tenantId }) { edges { node { id name status } } }
  }
`);
