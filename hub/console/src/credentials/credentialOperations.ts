import { defineOperation } from '../api/Operation.ts';
import { type Connection, settingsList, settingsPageSize } from '../ui/SettingsList.ts';
import type { CreateCredentialInput, Credential, UpdateCredentialInput } from './Credential.ts';

const fields = 'id tenantId name kind region accountName projectId clientEmail secretFields createdAt updatedAt';

/** A tenant's credentials, without their secrets. */
export const credentialList = settingsList<{ credentials: Connection<Credential> }, Credential>(`
  query Credentials($tenantId: ID!) {
    credentials(tenantId: $tenantId, first: ${settingsPageSize}) { totalCount edges { node { ${fields} } } }
  }
`, (data) => data.credentials);

// The list is read again after a save, so the mutations ask only for the id.
export const createCredentialMutation = defineOperation<{ createCredential: { id: string } }, { input: CreateCredentialInput }>(
  'mutation CreateCredential($input: CreateCredentialInput!) { createCredential(input: $input) { id } }',
);

export const updateCredentialMutation = defineOperation<
  { updateCredential: { id: string } },
  { id: string; input: UpdateCredentialInput }
>('mutation UpdateCredential($id: ID!, $input: UpdateCredentialInput!) { updateCredential(id: $id, input: $input) { id } }');

export const deleteCredentialMutation = defineOperation<{ deleteCredential: string }, { id: string }>(
  'mutation DeleteCredential($id: ID!) { deleteCredential(id: $id) }',
);
