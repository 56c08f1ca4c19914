import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import type { BackupScheduleRow } from './BackupScheduleEntity.ts';
import { BackupTemplateType } from './BackupTemplateType.ts';

@ObjectType({ description: 'Backups of one cluster, taken when its schedule policy says.' })
export class BackupSchedule {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => ID)
  clusterId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID)
  policyId!: string;

  @Field(() => BackupTemplateType)
  template!: BackupTemplateType;

  @Field(() => Boolean, { description: 'A suspended schedule takes no backups until resumed.' })
  suspended!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  lastRunAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'None until the next run is planned, and while suspended.',
  })
  nextRunAt!: Date | null;

  @Field(() => Int, {
    description:
      'Run times that passed without a backup of their own at the last run: while the hub was down (one catch-up backup stands for them) or while the previous backup was unfinished.',
  })
  missedRuns!: number;

  @Field(() => String, { nullable: true, description: 'Why the last run took no backup; none when it took one.' })
  lastRunError!: string | null;

  static from(row: BackupScheduleRow): BackupSchedule {
    return Object.assign(new BackupSchedule(), {
      id: row.id,
      tenantId: row.tenantId,
      clusterId: row.clusterId,
      name: row.name,
      policyId: row.policyId,
      template: BackupTemplateType.from(row.template),
      suspended: row.suspended,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      lastRunAt: row.lastRunAt,
      nextRunAt: row.nextRunAt,
      missedRuns: row.missedRuns,
      lastRunError: row.lastRunError,
    });
  }
}

export const BackupScheduleConnection = connectionOf(BackupSchedule, 'BackupSchedule');
