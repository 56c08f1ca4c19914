import { randomBytes } from 'node:crypto';
import { repositoryKeyBytes } from '#schema/agent/repositoryKeyText';
import { SecretUnreadableError } from '../secrets/SecretUnreadableError.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';

/**
 * A location's repository key-encryption key, sealed at rest like a credential's secret: under the hub's
 * master key and bound to the location's id, so a sealed key copied to another location does not open. The
 * key in use and the one a rotation moves to are sealed alike, so a rotation's end swaps them without opening
 * either. Keys travel as base64 of 32 bytes; they leave the hub only in the payloads of jobs that open the
 * repository.
 */
export const locationRepositoryKey = {
  /** A fresh random key, as base64. */
  generate(): string {
    return randomBytes(repositoryKeyBytes).toString('base64');
  },

  seal(secrets: SecretBox, locationId: string, key: string): string {
    return secrets.seal(key, boundTo(locationId));
  },

  /** Opens a sealed key; `SecretUnreadableError` when it was sealed for another location or is not a key. */
  open(secrets: SecretBox, locationId: string, sealed: string): string {
    const key = secrets.open(sealed, boundTo(locationId));
    if (typeof key !== 'string') throw new SecretUnreadableError();
    return key;
  },
};

function boundTo(locationId: string): string {
  return `${locationId}/repositoryKey`;
}
