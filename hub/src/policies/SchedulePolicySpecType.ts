import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type {
  DayOfWeek as DayOfWeekName,
  PeriodUnit as PeriodUnitName,
  ScheduleKind as ScheduleKindName,
  SchedulePolicySpec,
} from '#schema/contracts/SchedulePolicySpec';
import { unreachable } from '../auth/Principal.ts';

export enum ScheduleKind {
  periodic = 'periodic',
  daily = 'daily',
  weekly = 'weekly',
  monthly = 'monthly',
  cron = 'cron',
}
registerEnumType(ScheduleKind, { name: 'ScheduleKind' });

export enum PeriodUnit {
  minutes = 'minutes',
  hours = 'hours',
}
registerEnumType(PeriodUnit, { name: 'PeriodUnit' });

export enum DayOfWeek {
  sunday = 'sunday',
  monday = 'monday',
  tuesday = 'tuesday',
  wednesday = 'wednesday',
  thursday = 'thursday',
  friday = 'friday',
  saturday = 'saturday',
}
registerEnumType(DayOfWeek, { name: 'DayOfWeek' });

@ObjectType({
  description: 'Every N minutes (at least 5) or hours, at whole multiples of the period since 1970 UTC.',
})
export class PeriodicSchedule {
  @Field(() => Int)
  every!: number;

  @Field(() => PeriodUnit)
  unit!: PeriodUnitName;
}

@ObjectType()
export class DailySchedule {
  @Field(() => String, { description: '`HH:MM`, 24-hour.' })
  time!: string;

  @Field(() => String, { description: 'IANA time zone.' })
  timeZone!: string;
}

@ObjectType({ description: 'Weeks are counted from the week of Monday 1970-01-05.' })
export class WeeklySchedule {
  @Field(() => [DayOfWeek])
  daysOfWeek!: DayOfWeekName[];

  @Field(() => Int)
  everyNWeeks!: number;

  @Field(() => String)
  time!: string;

  @Field(() => String)
  timeZone!: string;
}

@ObjectType({
  description:
    "A day past a month's end rolls over to the 1st of the next month. Months are counted from January 1970.",
})
export class MonthlySchedule {
  @Field(() => [Int])
  daysOfMonth!: number[];

  @Field(() => Int)
  everyNMonths!: number;

  @Field(() => String)
  time!: string;

  @Field(() => String)
  timeZone!: string;
}

@ObjectType()
export class CronSchedule {
  @Field(() => String, { description: 'Five fields: minute hour day-of-month month day-of-week.' })
  expression!: string;

  @Field(() => String)
  timeZone!: string;
}

@ObjectType('SchedulePolicySpec', { description: 'When backups run; the block named by `kind` is set.' })
export class SchedulePolicySpecType {
  @Field(() => ScheduleKind)
  kind!: ScheduleKindName;

  @Field(() => PeriodicSchedule, { nullable: true })
  periodic!: PeriodicSchedule | null;

  @Field(() => DailySchedule, { nullable: true })
  daily!: DailySchedule | null;

  @Field(() => WeeklySchedule, { nullable: true })
  weekly!: WeeklySchedule | null;

  @Field(() => MonthlySchedule, { nullable: true })
  monthly!: MonthlySchedule | null;

  @Field(() => CronSchedule, { nullable: true })
  cron!: CronSchedule | null;

  @Field(() => Int, { nullable: true, description: 'Keep the newest N successful backups; none: keep all.' })
  retain!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Seconds after which each backup is deleted; none: the backup's default TTL.",
  })
  expirySeconds!: number | null;

  static from(spec: SchedulePolicySpec): SchedulePolicySpecType {
    const type = new SchedulePolicySpecType();
    Object.assign(type, {
      kind: spec.schedule.kind,
      periodic: null,
      daily: null,
      weekly: null,
      monthly: null,
      cron: null,
      retain: spec.retain,
      expirySeconds: spec.expirySeconds,
    });
    const { schedule } = spec;
    switch (schedule.kind) {
      case 'periodic':
        type.periodic = Object.assign(new PeriodicSchedule(), { every: schedule.every, unit: schedule.unit });
        return type;
      case 'daily':
        type.daily = Object.assign(new DailySchedule(), { time: schedule.time, timeZone: schedule.timeZone });
        return type;
      case 'weekly':
        type.weekly = Object.assign(new WeeklySchedule(), {
          daysOfWeek: schedule.daysOfWeek,
          everyNWeeks: schedule.everyNWeeks,
          time: schedule.time,
          timeZone: schedule.timeZone,
        });
        return type;
      case 'monthly':
        type.monthly = Object.assign(new MonthlySchedule(), {
          daysOfMonth: schedule.daysOfMonth,
          everyNMonths: schedule.everyNMonths,
          time: schedule.time,
          timeZone: schedule.timeZone,
        });
        return type;
      case 'cron':
        type.cron = Object.assign(new CronSchedule(), {
          expression: schedule.expression,
          timeZone: schedule.timeZone,
        });
        return type;
      default:
        return unreachable(schedule);
    }
  }
}
