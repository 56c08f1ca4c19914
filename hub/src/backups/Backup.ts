import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import { Label, labelsToList } from '../graphql/Label.ts';
import type { BackupRow } from './BackupEntity.ts';
import { BackupSpecType } from './BackupSpecType.ts';
import type { BackupPhase as BackupPhaseName } from './backupLifecycle.ts';
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

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Date, { description: 'When the backup expires and is deleted.' })
  expiresAt!: Date;

  static from(row: BackupRow): Backup {
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
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      completedAt: row.completedAt,
      expiresAt: row.expiresAt,
    });
  }
}

export const BackupConnection = connectionOf(Backup, 'Backup');
