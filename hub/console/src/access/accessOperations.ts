import { defineOperation } from '../api/Operation.ts';
import type { RoleName } from '../auth/meQuery.ts';

/** How many of each the Access screen reads; past it, it says so. */
export const accessPageSize = 100;

/** Grants a role in a tenant to an OIDC user (by subject) or a group (schema `RoleBinding`). */
export interface RoleBinding {
  id: string;
  subjectKind: 'user' | 'group';
  subject: string;
  role: RoleName;
  /** Empty: all clusters. */
  clusterIds: string[];
  /** Empty: all namespaces. */
  namespaces: string[];
  createdAt: string;
}

/** A token for automation holding one role in one tenant; its secret is never shown again (schema `ApiToken`). */
export interface ApiToken {
  id: string;
  name: string;
  role: RoleName;
  clusterIds: string[];
  namespaces: string[];
  hint: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Someone who has signed in through OIDC, as last seen (schema `User`); listed for a tenant, without email or times. */
export interface User {
  id: string;
  subject: string;
  email: string | null;
  groups: string[];
  firstSeenAt: string | null;
  lastSeenAt: string | null;
}

type Page<T> = { totalCount: number; edges: { node: T }[] };

export interface AccessData {
  roleBindings: Page<RoleBinding>;
  apiTokens: Page<ApiToken>;
  users: Page<User>;
  clusters: { edges: { node: { id: string; name: string } }[] };
}

/** Everything the Access screen shows for a tenant; tenant admins only. */
export const accessQuery = defineOperation<AccessData, { tenantId: string }>(`
  query Access($tenantId: ID!) {
    roleBindings(tenantId: $tenantId, first: ${accessPageSize}) {
      totalCount
      edges { node { id subjectKind subject role clusterIds namespaces createdAt } }
    }
    apiTokens(tenantId: $tenantId, first: ${accessPageSize}) {
      totalCount
      edges {
        node { id name role clusterIds namespaces hint createdBy createdAt expiresAt revokedAt lastUsedAt }
      }
    }
    users(tenantId: $tenantId, first: ${accessPageSize}) {
      totalCount
      edges { node { id subject email groups firstSeenAt lastSeenAt } }
    }
    clusters(first: ${accessPageSize}, filter: { tenantId: $tenantId }) { edges { node { id name } } }
  }
`);

export interface ScopeInput {
  role: RoleName;
  clusterIds: string[];
  namespaces: string[];
}

export const createRoleBindingMutation = defineOperation<
  { createRoleBinding: { id: string } },
  { input: { tenantId: string; subjectKind: 'user' | 'group'; subject: string } & ScopeInput }
>('mutation CreateRoleBinding($input: CreateRoleBindingInput!) { createRoleBinding(input: $input) { id } }');

export const deleteRoleBindingMutation = defineOperation<{ deleteRoleBinding: string }, { id: string }>(
  'mutation DeleteRoleBinding($id: ID!) { deleteRoleBinding(id: $id) }',
);

export const createApiTokenMutation = defineOperation<
  { createApiToken: { token: string; apiToken: { id: string; name: string; hint: string } } },
  { input: { tenantId: string; name: string; expiresInDays?: number } & ScopeInput }
>(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) { token apiToken { id name hint } }
  }
`);

export const revokeApiTokenMutation = defineOperation<{ revokeApiToken: { id: string } }, { id: string }>(
  'mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }',
);
