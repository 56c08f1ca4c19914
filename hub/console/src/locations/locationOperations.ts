import { defineOperation } from '../api/Operation.ts';
import { type Connection, settingsList, settingsPageSize } from '../ui/SettingsList.ts';
import type { CredentialKind } from '../api/hubEnums.ts';
import type { BackupLocation, CreateBackupLocationInput } from './BackupLocation.ts';

type Nodes<T> = { edges: { node: T }[] };

export interface LocationsData {
  backupLocations: Connection<BackupLocation>;
  credentials: Nodes<{ id: string; name: string; kind: CredentialKind }>;
  clusters: Nodes<{ id: string; name: string; status: string }>;
}

/** A tenant's locations with their last check, and the credentials and clusters the screen names and offers. */
export const locationList = settingsList<LocationsData, BackupLocation>(`
  query BackupLocations($tenantId: ID!) {
    backupLocations(tenantId: $tenantId, first: ${settingsPageSize}) {
      totalCount
      edges {
        node {
          id tenantId name kind bucket prefix region endpoint forcePathStyle path credentialId encryptionKeyRef
          createdAt updatedAt
          validation { checkedAt clusterId ok error }
        }
      }
    }
    credentials(tenantId: $tenantId, first: ${settingsPageSize}) { edges { node { id name kind } } }
    clusters(first: ${settingsPageSize}, filter: { tenantId: $tenantId }) { edges { node { id name status } } }
  }
`, (data) => data.backupLocations);

export const createBackupLocationMutation = defineOperation<{ createBackupLocation: { id: string } }, { input: CreateBackupLocationInput }>(
  'mutation CreateBackupLocation($input: CreateBackupLocationInput!) { createBackupLocation(input: $input) { id } }',
);

export const deleteBackupLocationMutation = defineOperation<{ deleteBackupLocation: string }, { id: string }>(
  'mutation DeleteBackupLocation($id: ID!) { deleteBackupLocation(id: $id) }',
);

/** The job of a location check, as the screen follows it. */
export interface CheckJob {
  id: string;
  phase: 'Queued' | 'Running' | 'Succeeded' | 'Failed' | 'Cancelled';
  error: string | null;
  progress: { message: string | null } | null;
}

const jobFields = 'id phase error progress { message }';

export const validateBackupLocationMutation = defineOperation<
  { validateBackupLocation: CheckJob },
  { id: string; clusterId: string }
>(`
  mutation ValidateBackupLocation($id: ID!, $clusterId: ID!) {
    validateBackupLocation(id: $id, clusterId: $clusterId) { ${jobFields} }
  }
`);

export const checkJobUpdatedSubscription = defineOperation<{ jobUpdated: CheckJob }, { id: string }>(
  `subscription CheckJobUpdated($id: ID!) { jobUpdated(id: $id) { ${jobFields} } }`,
);

/** The check's job read once; polled beside the subscription, which only reports changes after it starts. */
export const checkJobQuery = defineOperation<{ job: CheckJob }, { id: string }>(
  `query CheckJob($id: ID!) { job(id: $id) { ${jobFields} } }`,
);
