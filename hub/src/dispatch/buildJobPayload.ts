import type { EntityManager } from '@mikro-orm/core';
import type { JobPayload, ResolvedRule } from '#schema/agent/JobPayload';
import { unreachable } from '../auth/Principal.ts';
import { BackupEntity } from '../backups/BackupEntity.ts';
import type { JobRow } from '../jobs/JobEntity.ts';
import { UnrunnableJobError } from '../jobs/UnrunnableJobError.ts';
import { locationTarget } from '../locations/locationTarget.ts';
import { RestoreEntity } from '../restores/RestoreEntity.ts';
import { RuleEntity } from '../rules/RuleEntity.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';

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
