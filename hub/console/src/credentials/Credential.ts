import type { CredentialKind } from '../api/hubEnums.ts';
import type { CredentialSecretBlocks } from './kinds/credentialKinds.ts';

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
export type CredentialSecretInput = Partial<CredentialSecretBlocks>;

export type CreateCredentialInput = { tenantId: string; name: string } & CredentialSecretInput;
export type UpdateCredentialInput = { name?: string } & CredentialSecretInput;
