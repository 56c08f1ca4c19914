import { type CronExpression, parseCronExpression } from './parseCronExpression.ts';
import { parseDuration } from './parseDuration.ts';
import { WireError } from './WireError.ts';
import { SpecReader } from './SpecReader.ts';
import { specField, specList } from './specList.ts';
import { timeZoneProblem } from './timeZoneProblem.ts';
import { unreachable } from './unreachable.ts';

export const scheduleKinds = ['periodic', 'daily', 'weekly', 'monthly', 'cron'] as const;
export type ScheduleKind = (typeof scheduleKinds)[number];

export const periodUnits = ['minutes', 'hours'] as const;
export type PeriodUnit = (typeof periodUnits)[number];

/** In week order, Sunday first as in cron. */
export const daysOfWeek = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type DayOfWeek = (typeof daysOfWeek)[number];

/** More often than this would keep an agent busy with little to show for it. */
export const minimumIntervalMinutes = 5;

/**
 * Every `every` minutes or hours, at whole multiples of the period since 1970-01-01T00:00Z, so runs keep their
 * rhythm across restarts and edits (every 6 hours runs at 00:00, 06:00, 12:00 and 18:00 UTC).
 */
export interface PeriodicSchedule {
  kind: 'periodic';
  every: number;
  unit: PeriodUnit;
}

/** At `time` (`HH:MM`, 24-hour) every day, in `timeZone`. */
export interface DailySchedule {
  kind: 'daily';
  time: string;
  timeZone: string;
}

/**
 * At `time` on each of `daysOfWeek`, in `timeZone`, in every `everyNWeeks`-th week. Weeks are counted from the
 * week of Monday 1970-01-05, so "every two weeks" picks the same weeks whenever the policy is created or edited.
 */
export interface WeeklySchedule {
  kind: 'weekly';
  daysOfWeek: DayOfWeek[];
  everyNWeeks: number;
  time: string;
  timeZone: string;
}

/**
 * At `time` on each of `daysOfMonth`, in `timeZone`, in every `everyNMonths`-th month counted from January
 * 1970 (so 2 means January, March, May, …). A day past the end of a month rolls over to the first day of the
 * next month (31 in April runs on May 1st), at most once a day: a run is never skipped for a short month.
 */
export interface MonthlySchedule {
  kind: 'monthly';
  daysOfMonth: number[];
  everyNMonths: number;
  time: string;
  timeZone: string;
}

/** A five-field cron expression (see `parseCronExpression`) evaluated in `timeZone`. */
export interface CronSchedule {
  kind: 'cron';
  expression: string;
  timeZone: string;
}

export type Schedule = PeriodicSchedule | DailySchedule | WeeklySchedule | MonthlySchedule | CronSchedule;

/**
 * When a backup schedule runs and how long its backups live. Shared by the hub (which stores it) and its
 * scheduler. Version 1.
 */
export interface SchedulePolicySpec {
  version: 1;
  schedule: Schedule;
  /** Keep the newest N successful backups of each schedule, deleting older ones; null keeps them all. */
  retain: number | null;
  /** Each backup is deleted this long after it is taken; null leaves it to the backup's default TTL. */
  expirySeconds: number | null;
}

const maxExpirySeconds = 10 * 365 * 86_400;
const timeOfDay = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Validates a schedule policy from the wire: exactly one of `periodic`, `daily`, `weekly`, `monthly` or `cron`
 * (an object each), plus optional `retain` (1-1000) and `expiry` (a duration like `720h` or `30d`). Time zones
 * default to UTC. Throws a `WireError` naming the first bad field, under `path` when given.
 */
export function parseSchedulePolicySpec(value: unknown, path = ''): SchedulePolicySpec {
  const r = SpecReader.of(value, path);
  r.version('schedule policy spec', [1]);
  const given = scheduleKinds.filter((kind) => specField(value, kind) !== undefined);
  if (given.length !== 1) {
    throw new WireError(
      path || 'spec',
      given.length === 0
        ? `give one of ${scheduleKinds.join(', ')}`
        : `give only one of ${given.join(' and ')}`,
    );
  }
  const kind = given[0] as ScheduleKind;
  const expiry = r.optionalString('expiry');
  const expirySeconds = expiry === null ? null : parseDuration(expiry, r.field('expiry'));
  if (expirySeconds !== null && (expirySeconds < 60 || expirySeconds > maxExpirySeconds)) {
    throw new WireError(r.field('expiry'), 'must be from 1m to 3650d');
  }
  return {
    version: 1,
    schedule: parseSchedule(kind, specField(value, kind), r.field(kind)),
    retain: specField(value, 'retain') === undefined ? null : r.integer('retain', 1, 1, 1000),
    expirySeconds,
  };
}

function parseSchedule(kind: ScheduleKind, value: unknown, path: string): Schedule {
  const r = SpecReader.of(value, path);
  const time = () =>
    r.string('time', (t) => (timeOfDay.test(t) ? undefined : `'${t}' is not a 24-hour time like '02:30'`));
  const timeZone = () => r.optionalString('timeZone', timeZoneProblem) ?? 'UTC';
  switch (kind) {
    case 'periodic': {
      for (const name of ['every', 'unit']) {
        if (specField(value, name) === undefined) throw new WireError(r.field(name), 'is required');
      }
      const unit = r.oneOf('unit', periodUnits, 'hours');
      // Up to a day of minutes and a month of hours; longer periods read better as daily or monthly.
      const every =
        unit === 'minutes'
          ? r.integer('every', 0, minimumIntervalMinutes, 1440)
          : r.integer('every', 0, 1, 744);
      return { kind, every, unit };
    }
    case 'daily':
      return { kind, time: time(), timeZone: timeZone() };
    case 'weekly': {
      const days = r.stringList('daysOfWeek', (d) =>
        (daysOfWeek as readonly string[]).includes(d) ? undefined : `'${d}' is not a day like 'sunday'`,
      );
      if (days.length === 0) throw new WireError(r.field('daysOfWeek'), 'must name at least one day');
      return {
        kind,
        daysOfWeek: daysOfWeek.filter((d) => days.includes(d)),
        everyNWeeks: r.integer('everyNWeeks', 1, 1, 52),
        time: time(),
        timeZone: timeZone(),
      };
    }
    case 'monthly':
      return {
        kind,
        daysOfMonth: daysOfMonthOf(specField(value, 'daysOfMonth'), r.field('daysOfMonth')),
        everyNMonths: r.integer('everyNMonths', 1, 1, 12),
        time: time(),
        timeZone: timeZone(),
      };
    case 'cron': {
      const expression = r.string('expression');
      checkCronInterval(parseCronExpression(expression, r.field('expression')), r.field('expression'));
      return { kind, expression: expression.trim().split(/\s+/).join(' '), timeZone: timeZone() };
    }
    default:
      return unreachable(kind);
  }
}

function daysOfMonthOf(value: unknown, field: string): number[] {
  const seen = new Set<number>();
  specList(value, field, 1, 31).forEach((day, i) => {
    const at = `${field}[${i}]`;
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 31) {
      throw new WireError(at, 'must be a day of the month from 1 to 31');
    }
    if (seen.has(day)) throw new WireError(at, `${day} is listed twice`);
    seen.add(day);
  });
  return [...seen].sort((a, b) => a - b);
}

/** Refuses expressions that fire more often than the minimum interval, as `periodic` does. */
function checkCronInterval(cron: CronExpression, field: string): void {
  const { minutes, hours } = cron;
  const gaps = minutes.slice(1).map((m, i) => m - (minutes[i] as number));
  // Past the hour the next run is the first minute of the next hour, when that hour runs too.
  const nextHourRuns = hours.some((h) => hours.includes((h + 1) % 24));
  if (nextHourRuns) gaps.push(60 - (minutes.at(-1) as number) + (minutes[0] as number));
  if (gaps.some((gap) => gap < minimumIntervalMinutes)) {
    throw new WireError(field, `runs more often than every ${minimumIntervalMinutes} minutes`);
  }
}
