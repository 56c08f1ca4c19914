import type { SecretBox } from '../secrets/SecretBox.ts';
import { SecretUnreadableError } from '../secrets/SecretUnreadableError.ts';
import type { CredentialRow } from './CredentialEntity.ts';

/** The write-only part of a credential, as sealed in `sealedSecret`. Exactly one Azure secret is set. */
export type CredentialSecret =
  | { kind: 'aws'; accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  | { kind: 'azure'; accountKey?: string; sasToken?: string; connectionString?: string }
  | { kind: 'gcp'; serviceAccountJson: string };

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
