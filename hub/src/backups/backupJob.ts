import type { EntityManager } from '@mikro-orm/core';
import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import type { ResolvedRule } from '#schema/agent/JobPayload';
import { authorize } from '../access/authorize.ts';
import type { JobKindHandler } from '../jobs/JobKindHandler.ts';
import { UnrunnableJobError } from '../jobs/UnrunnableJobError.ts';
import { locationTarget } from '../locations/locationTarget.ts';
import { RuleEntity } from '../rules/RuleEntity.ts';
import { BackupEntity } from './BackupEntity.ts';
import { isInProgress } from './backupLifecycle.ts';
import { finalProgress } from './finalProgress.ts';
import { namespacesTouched } from './namespacesTouched.ts';
import { endedOperation, failedOperation, parseOutcomeInput } from './operationResult.ts';

/**
 * A `backup` job takes the backup `subjectId` names: the backup runs with its job, records the run's results
 * (or the job's error) when it ends, and fails when a user cancels the job.
 */
export const backupJob: JobKindHandler<'backup', OperationOutcome> = {
  async payload(em, secrets, job) {
    const backup = await em.findOne(BackupEntity, { id: job.subjectId }, { filters: false });
    if (!backup) throw new UnrunnableJobError(`backup '${job.subjectId}' no longer exists`);
    return {
      kind: 'backup',
      backup: { id: backup.id, name: backup.name, spec: backup.spec },
      location: await locationTarget(em, secrets, backup.locationId),
      preRule: await resolvedRule(em, backup, 'pre'),
      postRule: await resolvedRule(em, backup, 'post'),
    };
  },

  parseOutcome: parseOutcomeInput,

  async start(em, job, now) {
    const backup = await em.findOne(BackupEntity, { id: job.subjectId });
    if (backup?.phase !== 'Pending') return;
    Object.assign(backup, { phase: 'Running', startedAt: now });
  },

  async progress(em, job, report) {
    const backup = await em.findOne(BackupEntity, { id: job.subjectId });
    if (!backup) return;
    backup.progress = { itemsDone: report.done, itemsTotal: report.total, bytes: report.bytes };
  },

  async finish(tx, job, end, { now }) {
    const backup = await tx.findOne(BackupEntity, { id: job.subjectId });
    if (!backup) return;
    if (end.ok) {
      Object.assign(backup, endedOperation(end.outcome, now), { progress: finalProgress(end.outcome) });
    } else {
      Object.assign(backup, failedOperation(end.error, now));
    }
    await tx.flush();
  },

  async authorizeCancel(em, principal, job) {
    const backup = await em.findOne(BackupEntity, { id: job.subjectId });
    authorize(principal, 'operate', {
      tenantId: job.tenantId,
      clusterId: job.clusterId,
      namespaces: namespacesTouched(backup?.spec.includeNamespaces ?? []),
    });
  },

  namespaceReach: 'subjectBackup',

  notCancellable: undefined,

  async cancel(em, job, reason, now) {
    const backup = await em.findOne(BackupEntity, { id: job.subjectId });
    if (!backup || !isInProgress(backup.phase)) return;
    Object.assign(backup, failedOperation(reason, now));
  },
};

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
