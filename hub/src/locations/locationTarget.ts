import type { EntityManager } from '@mikro-orm/core';
import type { LocationKind, LocationTarget } from '#schema/agent/LocationTarget';
import { CredentialEntity } from '../credentials/CredentialEntity.ts';
import { openCredential } from '../credentials/CredentialSecret.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';
import { UnrunnableJobError } from '../jobs/UnrunnableJobError.ts';
import { type BackupLocationRow, BackupLocationEntity } from './BackupLocationEntity.ts';
import { locationRepositoryKey } from './locationRepositoryKey.ts';
import type { LocationProvider } from './providers/LocationProvider.ts';
import { type LocationInputOf, locationProviders } from './providers/locationProviders.ts';

/**
 * The location `id` as a job payload carries it to an agent, its credential opened, built by the location's
 * provider. Reads unscoped: the caller has already decided the job belongs to the connected cluster. Throws
 * `UnrunnableJobError` when the location or its credential is gone.
 */
export async function locationTarget(em: EntityManager, secrets: SecretBox, id: string): Promise<LocationTarget> {
  return targetOfRow(em, secrets, await findLocation(em, id));
}

/**
 * The location `id` as the payload of a job that opens its repository carries it: with its repository's
 * key-encryption key opened, and the row, for the job's other keys.
 */
export async function locationTargetWithKey(
  em: EntityManager,
  secrets: SecretBox,
  id: string,
): Promise<{ target: LocationTarget & { repositoryKey: string }; row: BackupLocationRow }> {
  const row = await findLocation(em, id);
  // Filled at the hub's start for rows older than repository keys; a row without one cannot open a repository.
  if (!row.sealedRepositoryKey) throw new UnrunnableJobError(`backup location '${row.name}' has no repository key yet`);
  const repositoryKey = locationRepositoryKey.open(secrets, row.id, row.sealedRepositoryKey);
  return { target: { ...(await targetOfRow(em, secrets, row)), repositoryKey }, row };
}

async function findLocation(em: EntityManager, id: string): Promise<BackupLocationRow> {
  const location = await em.findOne(BackupLocationEntity, { id }, { filters: false });
  if (!location) throw new UnrunnableJobError(`backup location '${id}' no longer exists`);
  return location;
}

async function targetOfRow(em: EntityManager, secrets: SecretBox, location: BackupLocationRow): Promise<LocationTarget> {
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
