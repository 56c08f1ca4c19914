import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import { Label, labelsToList } from '../graphql/Label.ts';
import type { BackupRow } from './BackupEntity.ts';
import { BackupLogLine } from './BackupLogLine.ts';
import { BackupProblem } from './BackupProblem.ts';
import { BackupSpecType } from './BackupSpecType.ts';
import type { BackupPhase as BackupPhaseName, DeletionReason as DeletionReasonName } from './backupLifecycle.ts';
import { resultProblems } from './operationResult.ts';
import { OperationResult, Progress } from './Progress.ts';

export enum BackupPhase {
  Pending = 'Pending',
  Running = 'Running',
  Completed = 'Completed',
  PartiallyFailed = 'PartiallyFailed',
  Failed = 'Failed',
  Deleting = 'Deleting',
}
registerEnumType(BackupPhase, {
  name: 'BackupPhase',
  description: 'PartiallyFailed: some items failed (see `result.errors`); the rest can be restored.',
});

export enum DeletionReason {
  Requested = 'Requested',
  Expired = 'Expired',
  Retention = 'Retention',
  FailedCleanup = 'FailedCleanup',
}
registerEnumType(DeletionReason, {
  name: 'DeletionReason',
  description:
    "Requested: a user asked. Expired: past `expiresAt`. Retention: beyond its schedule policy's `retain`. FailedCleanup: Failed for longer than the failed-backup retention.",
});

@ObjectType({ description: 'How the deletion of a backup is going; a failed deletion is retried.' })
export class BackupDeletion {
  @Field(() => DeletionReason)
  reason!: DeletionReasonName;

  @Field(() => Int, { description: 'Deletion jobs queued so far; more than one means earlier ones failed.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the hub tries again after a failed attempt.' })
  retryAt!: Date | null;
}

@ObjectType({ description: 'A backup in the catalog; its data lives in the location under `backups/<id>/`.' })
export class Backup {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => ID)
  clusterId!: string;

  @Field(() => ID)
  locationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [Label])
  labels!: Label[];

  @Field(() => BackupPhase)
  phase!: BackupPhaseName;

  @Field(() => BackupSpecType)
  spec!: BackupSpecType;

  @Field(() => Progress)
  progress!: Progress;

  @Field(() => OperationResult, { nullable: true, description: 'Present once the backup has ended.' })
  result!: OperationResult | null;

  // Up to 1,000 each (schema/agent/OperationOutcome.ts): priced as `result.warnings` and `result.errors` are.
  @Field(() => [BackupProblem], {
    complexity: 50,
    description:
      'What looked wrong, each with the object it concerns (`result.warnings` has the same as lines); empty until the backup ends. At most 1,000: the last then says how many more the log in the location has.',
  })
  warnings!: BackupProblem[];

  @Field(() => [BackupProblem], {
    complexity: 50,
    description:
      'What failed, each with the object it concerns (`result.errors` has the same as lines): the items a PartiallyFailed backup lacks, or why a Failed one failed. At most 1,000, as `warnings`.',
  })
  errors!: BackupProblem[];

  @Field(() => [BackupLogLine], {
    // Up to 1,000 lines (256 KiB): priced as many items, so a page of logs cannot make a huge response.
    complexity: 1_000,
    description:
      "The backup's log as its agent reported it on completion, from the first line; empty until then, and for backups whose agent did not report one. The whole log is `backups/<id>/log.jsonl` in the location.",
  })
  log!: BackupLogLine[];

  @Field(() => Boolean, { description: '`log` leaves out lines of the whole log, which is too long to report here.' })
  logTruncated!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Date, { description: 'When the backup expires and is deleted.' })
  expiresAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The backup schedule that took it; none for an on-demand backup.' })
  scheduleId!: string | null;

  @Field(() => Date, { nullable: true, description: 'The run time of its schedule this backup stands for.' })
  scheduledFor!: Date | null;

  @Field(() => Boolean, {
    description:
      'True for a scheduled backup taken late: its cluster was disconnected at its run time (it runs when the agent is back), or it is the one catch-up run for run times missed while no hub was up.',
  })
  late!: boolean;

  @Field(() => BackupDeletion, { nullable: true, description: 'Present once a deletion was asked for.' })
  deletion!: BackupDeletion | null;

  static from(row: BackupRow): Backup {
    const problems = row.result ? resultProblems(row.result) : { warnings: [], errors: [] };
    return Object.assign(new Backup(), {
      id: row.id,
      tenantId: row.tenantId,
      clusterId: row.clusterId,
      locationId: row.locationId,
      name: row.name,
      labels: labelsToList(row.labels),
      phase: row.phase,
      spec: BackupSpecType.from(row.spec),
      progress: Progress.from(row.progress),
      result: row.result ? OperationResult.from(row.result) : null,
      warnings: problems.warnings.map((p) => BackupProblem.from(p)),
      errors: problems.errors.map((p) => BackupProblem.from(p)),
      log: (row.result?.log ?? []).map((line) => BackupLogLine.from(line)),
      logTruncated: row.result?.logTruncated ?? false,
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      completedAt: row.completedAt,
      expiresAt: row.expiresAt,
      scheduleId: row.scheduleId,
      scheduledFor: row.scheduledFor,
      late: row.late,
      deletion: row.deletionReason
        ? Object.assign(new BackupDeletion(), {
            reason: row.deletionReason,
            attempts: row.deletionAttempts,
            lastError: row.deletionError,
            retryAt: row.deletionRetryAt,
          })
        : null,
    });
  }
}

export const BackupConnection = connectionOf(Backup, 'Backup');
