export type CredentialKind = 'aws' | 'azure' | 'gcp';

/** What each kind is for, as the screens name it. */
export const credentialKindLabels: Record<CredentialKind, string> = {
  aws: 'AWS / S3-compatible',
  azure: 'Azure Blob storage',
  gcp: 'Google Cloud Storage',
};

/** Cloud credentials of a tenant; the secret is write-only and never comes back (schema `Credential`). */
export interface Credential {
  id: string;
  tenantId: string;
  name: string;
  kind: CredentialKind;
  region: string | null;
  accountName: string | null;
  projectId: string | null;
  clientEmail: string | null;
  /** Which secret fields hold a value, never their values. */
  secretFields: string[];
  createdAt: string;
  updatedAt: string;
}

/** The secret block of one kind, given whole (schema `AwsCredentialInput` and its siblings). */
export interface CredentialSecretInput {
  aws?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string; region?: string };
  azure?: { accountName: string; accountKey?: string; sasToken?: string; connectionString?: string };
  gcp?: { serviceAccountJson: string };
}

export type CreateCredentialInput = { tenantId: string; name: string } & CredentialSecretInput;
export type UpdateCredentialInput = { name?: string } & CredentialSecretInput;
