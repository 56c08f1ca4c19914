import { defineOperation } from '../api/Operation.ts';
import type { NamespaceInventoryFilterInput } from './namespaceFilterParams.ts';

type Labels = { key: string; value: string }[];

export interface InventoryWorkload {
  kind: string;
  name: string;
  labels: Labels;
  replicas: number | null;
  readyReplicas: number | null;
}

export interface InventoryClaim {
  name: string;
  labels: Labels;
  storageClassName: string | null;
  requestedStorage: string | null;
  phase: string;
}

export interface InventoryNamespace {
  name: string;
  labels: Labels;
  workloads: InventoryWorkload[];
  persistentVolumeClaims: InventoryClaim[];
  countsByKind: { kind: string; count: number }[];
  updatedAt: string;
}

export interface ClusterNamespacesData {
  clusterNamespaces: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    edges: { node: InventoryNamespace }[];
  };
}

/** How many namespaces the view shows; past it, it asks the user to narrow the filter. */
export const namespacesPageSize = 200;

/** A cluster's namespaces as its agent reports them, narrowed by the view's filters. */
export const clusterNamespacesQuery = defineOperation<
  ClusterNamespacesData,
  { clusterId: string; filter: NamespaceInventoryFilterInput }
>(`
  query ClusterNamespaces($clusterId: ID!, $filter: NamespaceInventoryFilter) {
    clusterNamespaces(clusterId: $clusterId, first: ${namespacesPageSize}, filter: $filter) {
      totalCount
      pageInfo { hasNextPage }
      edges {
        node {
          name labels { key value }
          workloads { kind name labels { key value } replicas readyReplicas }
          persistentVolumeClaims { name labels { key value } storageClassName requestedStorage phase }
          countsByKind { kind count }
          updatedAt
        }
      }
    }
  }
`);
