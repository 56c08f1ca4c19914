import { defineOperation } from '../api/Operation.ts';
import type { CreateCredentialInput, Credential, UpdateCredentialInput } from './Credential.ts';

/** How many credentials the screen lists; past it, it says so. */
export const credentialPageSize = 100;

const fields = 'id tenantId name kind region accountName projectId clientEmail secretFields createdAt updatedAt';

export const credentialsQuery = defineOperation<
  { credentials: { totalCount: number; edges: { node: Credential }[] } },
  { tenantId: string }
>(`
  query Credentials($tenantId: ID!) {
    credentials(tenantId: $tenantId, first: ${credentialPageSize}) { totalCount edges { node { ${fields} } } }
  }
`);

export const createCredentialMutation = defineOperation<
  { createCredential: Credential },
  { input: CreateCredentialInput }
>(`mutation CreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { ${fields} } }`);

export const updateCredentialMutation = defineOperation<
  { updateCredential: Credential },
  { id: string; input: UpdateCredentialInput }
>(`
  mutation UpdateCredential($id: ID!, $input: UpdateCredentialInput!) {
    updateCredential(id: $id, input: $input) { ${fields} }
  }
`);

export const deleteCredentialMutation = defineOperation<{ deleteCredential: string }, { id: string }>(
  'mutation DeleteCredential($id: ID!) { deleteCredential(id: $id) }',
);
