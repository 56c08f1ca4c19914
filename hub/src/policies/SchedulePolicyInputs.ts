import { Field, ID, InputType, Int } from 'type-graphql';
import type {
  DayOfWeek as DayOfWeekName,
  PeriodUnit as PeriodUnitName,
} from '#schema/contracts/SchedulePolicySpec';
import { DayOfWeek, PeriodUnit } from './SchedulePolicySpecType.ts';

@InputType()
export class PeriodicScheduleInput {
  @Field(() => Int, { description: 'Minutes: 5 to 1440; hours: 1 to 744.' })
  every!: number;

  @Field(() => PeriodUnit)
  unit!: PeriodUnitName;
}

@InputType()
export class DailyScheduleInput {
  @Field(() => String, { description: '`HH:MM`, 24-hour.' })
  time!: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone like `Europe/Berlin`; default UTC.' })
  timeZone?: string | null;
}

@InputType()
export class WeeklyScheduleInput {
  @Field(() => [DayOfWeek])
  daysOfWeek!: DayOfWeekName[];

  @Field(() => Int, { nullable: true, description: '1 to 52; default 1. 2 means every second week.' })
  everyNWeeks?: number | null;

  @Field(() => String)
  time!: string;

  @Field(() => String, { nullable: true })
  timeZone?: string | null;
}

@InputType()
export class MonthlyScheduleInput {
  @Field(() => [Int], { description: "1 to 31; a day past a month's end runs on the 1st of the next month." })
  daysOfMonth!: number[];

  @Field(() => Int, { nullable: true, description: '1 to 12; default 1.' })
  everyNMonths?: number | null;

  @Field(() => String)
  time!: string;

  @Field(() => String, { nullable: true })
  timeZone?: string | null;
}

@InputType()
export class CronScheduleInput {
  @Field(() => String, { description: 'Five fields: minute hour day-of-month month day-of-week.' })
  expression!: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone; default UTC.' })
  timeZone?: string | null;
}

@InputType({ description: 'Exactly one of `periodic`, `daily`, `weekly`, `monthly` or `cron`.' })
export class SchedulePolicySpecInput {
  @Field(() => PeriodicScheduleInput, { nullable: true })
  periodic?: PeriodicScheduleInput | null;

  @Field(() => DailyScheduleInput, { nullable: true })
  daily?: DailyScheduleInput | null;

  @Field(() => WeeklyScheduleInput, { nullable: true })
  weekly?: WeeklyScheduleInput | null;

  @Field(() => MonthlyScheduleInput, { nullable: true })
  monthly?: MonthlyScheduleInput | null;

  @Field(() => CronScheduleInput, { nullable: true })
  cron?: CronScheduleInput | null;

  @Field(() => Int, { nullable: true, description: 'Keep the newest N (1 to 1000) successful backups.' })
  retain?: number | null;

  @Field(() => String, { nullable: true, description: 'Delete each backup after `720h`, `30d`, `1h30m`.' })
  expiry?: string | null;
}

@InputType()
export class CreateSchedulePolicyInput {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => String, { description: 'DNS label, unique in the tenant.' })
  name!: string;

  @Field(() => SchedulePolicySpecInput)
  spec!: SchedulePolicySpecInput;
}

@InputType({ description: 'Fields left out stay as they are; a new spec replaces the old one whole.' })
export class UpdateSchedulePolicyInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => SchedulePolicySpecInput, { nullable: true })
  spec?: SchedulePolicySpecInput | null;
}
