import type { EntityManager } from '@mikro-orm/core';
import type { LocationKind, LocationTarget } from '#schema/agent/LocationTarget';
import { CredentialEntity } from '../credentials/CredentialEntity.ts';
import { openCredential } from '../credentials/CredentialSecret.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';
import { UnrunnableJobError } from '../jobs/UnrunnableJobError.ts';
import { type BackupLocationRow, BackupLocationEntity } from './BackupLocationEntity.ts';
import type { LocationProvider } from './providers/LocationProvider.ts';
import { type LocationInputOf, locationProviders } from './providers/locationProviders.ts';

/**
 * The location `id` as a job payload carries it to an agent, its credential opened, built by the location's
 * provider. Reads unscoped: the caller has already decided the job belongs to the connected cluster. Throws
 * `UnrunnableJobError` when the location or its credential is gone.
 */
export async function locationTarget(em: EntityManager, secrets: SecretBox, id: string): Promise<LocationTarget> {
  const location = await em.findOne(BackupLocationEntity, { id }, { filters: false });
  if (!location) throw new UnrunnableJobError(`backup location '${id}' no longer exists`);
  const credential = location.credentialId
    ? await em.findOne(CredentialEntity, { id: location.credentialId }, { filters: false })
    : null;
  if (location.credentialId && !credential) {
    throw new UnrunnableJobError(`the credential of backup location '${location.name}' no longer exists`);
  }
  return targetOf(location.kind, location, credential ? openCredential(secrets, credential) : null);
}

function targetOf<K extends LocationKind>(
  kind: K,
  row: BackupLocationRow,
  credential: Parameters<LocationProvider<K, LocationInputOf<K>>['target']>[1],
): LocationTarget<K> {
  return locationProviders[kind].target(row, credential);
}
