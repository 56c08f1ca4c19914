import type { EntityManager } from '@mikro-orm/core';
import type { LocationTarget } from '#schema/agent/JobPayload';
import { unreachable } from '../auth/Principal.ts';
import { openCredentialSecret } from '../credentials/CredentialSecret.ts';
import { CredentialEntity } from '../credentials/CredentialEntity.ts';
import { UnrunnableJobError } from '../jobs/UnrunnableJobError.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';
import { BackupLocationEntity } from './BackupLocationEntity.ts';

/**
 * The location `id` as a job's payload carries it, its credential opened: where the agent reads and writes.
 * Reads unscoped: the dispatcher has already decided the job belongs to the connected cluster.
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
  const secret = credential ? openCredentialSecret(secrets, credential) : null;
  const prefix = location.prefix;
  const endpoint = location.endpoint ?? null;
  switch (location.kind) {
    case 's3':
      return {
        kind: 's3',
        bucket: location.bucket ?? '',
        prefix,
        region: location.region ?? null,
        endpoint,
        forcePathStyle: location.forcePathStyle,
        credential:
          secret?.kind === 'aws'
            ? {
                accessKeyId: secret.accessKeyId,
                secretAccessKey: secret.secretAccessKey,
                ...(secret.sessionToken ? { sessionToken: secret.sessionToken } : {}),
              }
            : null,
      };
    case 'azure':
      return {
        kind: 'azure',
        container: location.bucket ?? '',
        prefix,
        endpoint,
        credential:
          secret?.kind === 'azure'
            ? {
                accountName: credential?.accountName ?? null,
                ...(secret.accountKey ? { accountKey: secret.accountKey } : {}),
                ...(secret.sasToken ? { sasToken: secret.sasToken } : {}),
                ...(secret.connectionString ? { connectionString: secret.connectionString } : {}),
              }
            : null,
      };
    case 'gcs':
      return {
        kind: 'gcs',
        bucket: location.bucket ?? '',
        prefix,
        endpoint,
        credential:
          secret?.kind === 'gcp'
            ? { projectId: credential?.projectId ?? null, serviceAccountJson: secret.serviceAccountJson }
            : null,
      };
    case 'filesystem':
      return { kind: 'filesystem', path: location.path ?? '', prefix };
    default:
      return unreachable(location.kind);
  }
}
