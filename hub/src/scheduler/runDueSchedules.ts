import { defaultBackupTtlSeconds } from '#schema/contracts/BackupSpec';
import { BackupEntity } from '../backups/BackupEntity.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { backupName } from '../backups/backupName.ts';
import { queueBackup } from '../backups/queueBackup.ts';
import { ConflictError } from '../errors/errors.ts';
import { SchedulePolicyEntity, type SchedulePolicyRow } from '../policies/SchedulePolicyEntity.ts';
import { BackupScheduleEntity } from '../schedules/BackupScheduleEntity.ts';
import { dueRun } from '../schedules/time/dueRun.ts';
import { nextRunAfter } from '../schedules/time/nextRunAfter.ts';
import { flushOrConflict } from '../db/flushOrConflict.ts';
import type { SchedulerDeps } from './SchedulerDeps.ts';

/** What one pass over the schedules did. */
export interface SchedulesPass {
  /** Backups queued. */
  taken: number;
  /** Runs that took no backup (previous one unfinished, or an error recorded on the schedule). */
  skipped: number;
}

const batchSize = 200;
const lateAfterMs = 5 * 60_000;
/** The prefix of a run's name must leave room for the timestamp `backupName` appends. */
const maxPrefixLength = 43;

/**
 * Plans and starts the runs of every active schedule. A schedule with no planned run gets the first run time
 * after its last change (creation, resume, new policy). A schedule whose planned run has come takes ONE
 * backup for the latest run time that has passed, however many passed while the hub was down, counts the
 * others as missed, and plans the next run after now. While its previous backup has not finished — its
 * cluster may be disconnected, and that backup will run when the agent is back, late — the run is skipped
 * and counted, so a long outage queues one backup, not one per run. A run's backup is named after its run
 * time, so two replicas that both thought they lead cannot take the same run twice (the name is unique).
 */
export async function runDueSchedules(deps: SchedulerDeps): Promise<SchedulesPass> {
  const now = deps.clock.now();
  const pass: SchedulesPass = { taken: 0, skipped: 0 };
  const seen = new Set<string>();
  const policies = new Map<string, SchedulePolicyRow | null>();
  for (;;) {
    const em = deps.em();
    const rows = await em.find(
      BackupScheduleEntity,
      { suspended: false, $or: [{ nextRunAt: null }, { nextRunAt: { $lte: now } }], id: { $nin: [...seen] } },
      { orderBy: { id: 'asc' }, limit: batchSize },
    );
    if (rows.length === 0) return pass;
    for (const row of rows) {
      seen.add(row.id);
      if (!policies.has(row.policyId)) {
        policies.set(row.policyId, await em.findOne(SchedulePolicyEntity, { id: row.policyId }));
      }
      await runSchedule(deps, row.id, policies.get(row.policyId) ?? null, now, pass);
    }
  }
}

async function runSchedule(
  deps: SchedulerDeps,
  id: string,
  policy: SchedulePolicyRow | null,
  now: Date,
  pass: SchedulesPass,
): Promise<void> {
  const em = deps.em();
  const row = await em.findOneOrFail(BackupScheduleEntity, { id });
  if (!policy) {
    row.lastRunError = `its schedule policy ${row.policyId} no longer exists; give the schedule another policy`;
    await em.flush();
    pass.skipped += 1;
    return;
  }
  const { schedule } = policy.spec;
  let planned = row.nextRunAt;
  if (!planned) {
    const changed = row.updatedAt > policy.updatedAt ? row.updatedAt : policy.updatedAt;
    planned = nextRunAfter(schedule, changed);
    if (planned > now) {
      row.nextRunAt = planned;
      await em.flush();
      return;
    }
  }
  // The runs from the planned one (included) up to now collapse into one.
  const { due: latest, missed } = dueRun(schedule, new Date(planned.getTime() - 1), planned, now) ?? {
    due: planned,
    missed: 0,
  };
  row.lastRunAt = latest;
  row.nextRunAt = nextRunAfter(schedule, now);
  const unfinished = await em.count(BackupEntity, { scheduleId: row.id, phase: { $in: ['Pending', 'Running'] } });
  if (unfinished > 0) {
    row.missedRuns = missed + 1;
    row.lastRunError =
      'the previous backup of this schedule has not finished (is its cluster connected?); this run was skipped';
    await em.flush();
    pass.skipped += 1;
    return;
  }
  row.missedRuns = missed;
  row.lastRunError = null;
  const cluster = await em.findOne(ClusterEntity, { id: row.clusterId }, { fields: ['connected'] });
  // Past this, a run is a catch-up after downtime rather than a pass that came round a little late.
  const late = !cluster?.connected || now.getTime() - latest.getTime() > lateAfterMs;
  const { namePrefix, ...template } = row.template;
  const prefix = (namePrefix ?? row.name).slice(0, maxPrefixLength).replace(/-+$/, '');
  const name = backupName(null, prefix, latest);
  const { backup } = queueBackup(em, {
    tenantId: row.tenantId,
    clusterId: row.clusterId,
    name,
    spec: { ...template, clusterId: row.clusterId, ttlSeconds: policy.spec.expirySeconds ?? defaultBackupTtlSeconds },
    labels: template.labels,
    now,
    schedule: { id: row.id, scheduledFor: latest, late },
  });
  try {
    await flushOrConflict(em, name);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Another replica took this run already; only this replica's view of the schedule is stale.
    return;
  }
  deps.logger.info({ scheduleId: row.id, backupId: backup.id, missed }, `schedule '${row.name}' took backup ${name}`);
  deps.signals.send({ type: 'jobQueued', clusterId: row.clusterId });
  pass.taken += 1;
}
