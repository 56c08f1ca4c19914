import type { SecretBox } from '../secrets/SecretBox.ts';
import { SecretUnreadableError } from '../secrets/SecretUnreadableError.ts';
import type { CredentialRow } from './CredentialEntity.ts';
import {
  type CredentialKindName,
  type CredentialPayloadOf,
  type CredentialSecretOf,
  credentialKindDescriptors,
} from './kinds/credentialKinds.ts';

/** The write-only part of a credential, as sealed in `sealedSecret`: one kind's secret, tagged with it. */
export type CredentialSecret = { [K in CredentialKindName]: CredentialSecretOf<K> }[CredentialKindName];

/** A credential opened for a job payload: its kind and what its kind hands to an agent. */
export type OpenedCredential = {
  [K in CredentialKindName]: { kind: K; payload: CredentialPayloadOf<K> };
}[CredentialKindName];

/** The names of the secret fields that hold a value, for `Credential.secretFields`. */
export function secretFieldsOf(secret: CredentialSecret): string[] {
  return Object.entries(secret)
    .filter(([key, value]) => key !== 'kind' && typeof value === 'string')
    .map(([key]) => key);
}

/**
 * Opens a credential's secret, for the code that hands it to an agent. Throws SecretUnreadableError when the
 * value does not open or does not hold a secret of the row's kind.
 */
export function openCredentialSecret(secrets: SecretBox, row: CredentialRow): CredentialSecret {
  const value = secrets.open(row.sealedSecret, row.id);
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== row.kind) {
    throw new SecretUnreadableError();
  }
  return value as CredentialSecret;
}

/** Opens a credential's secret into what a job payload carries of it, by its kind's descriptor. */
export function openCredential(secrets: SecretBox, row: CredentialRow): OpenedCredential {
  return payloadOf(openCredentialSecret(secrets, row), row);
}

function payloadOf<K extends CredentialKindName>(
  secret: CredentialSecretOf<K> & { kind: K },
  row: CredentialRow,
): OpenedCredential {
  const kind: K = secret.kind;
  // The pair is of one kind K; the compiler cannot see that a generic K's pair belongs to the union.
  return { kind, payload: credentialKindDescriptors[kind].payload(secret, row) } as OpenedCredential;
}
