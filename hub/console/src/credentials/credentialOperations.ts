import { defineOperation } from '../api/Operation.ts';
import type { Connection, SettingsList } from '../ui/SettingsList.ts';
import type { CreateCredentialInput, Credential, UpdateCredentialInput } from './Credential.ts';

/** How many credentials the screen lists; past it, it says so. */
const pageSize = 100;

const fields = 'id tenantId name kind region accountName projectId clientEmail secretFields createdAt updatedAt';

/** A tenant's credentials, without their secrets. */
export const credentialList: SettingsList<{ credentials: Connection<Credential> }, Credential> = {
  query: defineOperation(`
    query Credentials($tenantId: ID!) {
      credentials(tenantId: $tenantId, first: ${pageSize}) { totalCount edges { node { ${fields} } } }
    }
  `),
  rows: (data) => data.credentials,
  pageSize,
};

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
