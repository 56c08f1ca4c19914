import { defineOperation } from '../api/Operation.ts';

export type RoleName = 'admin' | 'operator' | 'viewer';

export interface MyGrant {
  tenantId: string;
  role: RoleName;
  clusterIds: string[];
  namespaces: string[];
}

export interface Me {
  kind: 'admin' | 'user' | 'token';
  name: string;
  groups: string[];
  hubAdmin: boolean;
  grants: MyGrant[];
}

/** Who the signed-in caller is; also how a pasted token is checked before it becomes the session. */
export const meQuery = defineOperation<{ me: Me }>(
  'query Me { me { kind name groups hubAdmin grants { tenantId role clusterIds namespaces } } }',
);
