import { defineOperation } from '../api/Operation.ts';
import type { Me } from '../auth/meQuery.ts';

export interface Tenant {
  id: string;
  name: string;
  displayName: string;
}

/** Who the caller is and every tenant it can see: what the shell needs before any screen. */
export const sessionQuery = defineOperation<{ me: Me; tenants: { edges: { node: Tenant }[] } }>(
  'query Session { me { kind name groups hubAdmin grants { tenantId role clusterIds namespaces } } tenants(first: 500) { edges { node { id name displayName } } } }',
);
