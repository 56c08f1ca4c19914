import { defineOperation } from '../api/Operation.ts';

export interface ClusterEnrollment {
  cluster: { id: string; name: string; status: string };
  enrollmentToken: string;
  expiresAt: string;
}

export const registerClusterMutation = defineOperation<
  { registerCluster: ClusterEnrollment },
  { tenantId: string; name: string }
>(`
  mutation RegisterCluster($tenantId: ID!, $name: String!) {
    registerCluster(input: { tenantId: $tenantId, name: $name }) {
      cluster { id name status }
      enrollmentToken
      expiresAt
    }
  }
`);
