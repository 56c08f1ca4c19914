import { Field, ID, ObjectType } from 'type-graphql';
import type { SchedulePolicyPreset as Preset } from '#schema/contracts/schedulePolicyPresets';
import { connectionOf } from '../graphql/Connection.ts';
import type { SchedulePolicyRow } from './SchedulePolicyEntity.ts';
import { SchedulePolicySpecType } from './SchedulePolicySpecType.ts';

@ObjectType({ description: 'When backups run and how many are kept; serves any number of backup schedules.' })
export class SchedulePolicy {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SchedulePolicySpecType)
  spec!: SchedulePolicySpecType;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  static from(row: SchedulePolicyRow): SchedulePolicy {
    return Object.assign(new SchedulePolicy(), {
      id: row.id,
      tenantId: row.tenantId,
      name: row.name,
      spec: SchedulePolicySpecType.from(row.spec),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

export const SchedulePolicyConnection = connectionOf(SchedulePolicy, 'SchedulePolicy');

@ObjectType({ description: 'A ready-made schedule to start a policy from.' })
export class SchedulePolicyPreset {
  @Field(() => String, { description: 'A DNS label, usable as the name of a policy made from it.' })
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => SchedulePolicySpecType)
  spec!: SchedulePolicySpecType;

  static from(preset: Preset): SchedulePolicyPreset {
    return Object.assign(new SchedulePolicyPreset(), {
      name: preset.name,
      description: preset.description,
      spec: SchedulePolicySpecType.from(preset.spec),
    });
  }
}
