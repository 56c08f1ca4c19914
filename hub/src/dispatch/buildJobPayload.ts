import type { EntityManager } from '@mikro-orm/core';
import type { JobPayload, LocationTarget, ResolvedRule } from '#schema/agent/JobPayload';
import { unreachable } from '../auth/Principal.ts';
import { BackupEntity } from '../backups/BackupEntity.ts';
import { openCredentialSecret } from '../credentials/CredentialSecret.ts';
import { CredentialEntity } from '../credentials/CredentialEntity.ts';
import type { JobRow } from '../jobs/JobEntity.ts';
import { BackupLocationEntity } from '../locations/BackupLocationEntity.ts';
import { RestoreEntity } from '../restores/RestoreEntity.ts';
import { RuleEntity } from '../rules/RuleEntity.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';

/** A job that cannot be offered because what it acts on is gone; the dispatcher fails it with this reason. */
export class UnrunnableJobError extends Error {
  override readonly name = 'UnrunnableJobError';
}

/**
 * Resolves everything the agent needs for `job`, opening the location's credential. Reads through `em`
 * unscoped by the caller: the dispatcher has already decided the job belongs to the connected cluster.
 */
export async function buildJobPayload(em: EntityManager, secrets: SecretBox, job: JobRow): Promise<JobPayload> {
  switch (job.kind) {
    case 'validateLocation':
      return { kind: 'validateLocation', location: await locationTarget(em, secrets, job.subjectId) };
    case 'rebuildCatalog':
      return { kind: 'rebuildCatalog', location: await locationTarget(em, secrets, job.subjectId) };
    case 'backup': {
      const backup = await em.findOne(BackupEntity, { id: job.subjectId }, { filters: false });
      if (!backup) throw new UnrunnableJobError(`backup '${job.subjectId}' no longer exists`);
      return {
        kind: 'backup',
        backup: { id: backup.id, name: backup.name, spec: backup.spec },
        location: await locationTarget(em, secrets, backup.locationId),
        preRule: await resolvedRule(em, backup, 'pre'),
        postRule: await resolvedRule(em, backup, 'post'),
      };
    }
    case 'restore': {
      const restore = await em.findOne(RestoreEntity, { id: job.subjectId }, { filters: false });
      if (!restore) throw new UnrunnableJobError(`restore '${job.subjectId}' no longer exists`);
      const backup = await em.findOne(BackupEntity, { id: restore.backupId }, { filters: false });
      if (!backup) throw new UnrunnableJobError(`backup '${restore.backupId}' no longer exists`);
      return {
        kind: 'restore',
        restore: { id: restore.id, spec: restore.spec },
        backup: { id: backup.id, name: backup.name },
        location: await locationTarget(em, secrets, backup.locationId),
      };
    }
    case 'deleteBackup': {
      const backup = await em.findOne(BackupEntity, { id: job.subjectId }, { filters: false });
      if (!backup) throw new UnrunnableJobError(`backup '${job.subjectId}' no longer exists`);
      return {
        kind: 'deleteBackup',
        backup: { id: backup.id, name: backup.name },
        location: await locationTarget(em, secrets, backup.locationId),
      };
    }
    default:
      return unreachable(job.kind);
  }
}

/**
 * The backup's pre- or post-exec rule as it is now. A rule is only refused deletion while a schedule uses it,
 * so one an on-demand backup names may be gone by the time its job runs: the job then fails rather than
 * back up without the commands the user asked for (a pre-exec rule usually makes the data consistent).
 */
async function resolvedRule(
  em: EntityManager,
  backup: { name: string; tenantId: string; spec: { preRuleId: string | null; postRuleId: string | null } },
  hook: 'pre' | 'post',
): Promise<ResolvedRule | null> {
  const id = hook === 'pre' ? backup.spec.preRuleId : backup.spec.postRuleId;
  if (!id) return null;
  const rule = await em.findOne(RuleEntity, { id, tenantId: backup.tenantId }, { filters: false });
  if (!rule) {
    throw new UnrunnableJobError(
      `the ${hook}-exec rule '${id}' of backup '${backup.name}' no longer exists; take the backup again without it or with another rule`,
    );
  }
  return { id: rule.id, name: rule.name, spec: rule.spec };
}

async function locationTarget(em: EntityManager, secrets: SecretBox, id: string): Promise<LocationTarget> {
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
