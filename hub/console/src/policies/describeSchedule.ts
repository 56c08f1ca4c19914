import { unreachable } from '../ui/unreachable.ts';
import { durationWords } from './durationText.ts';
import { type DayOfWeek, daysOfWeek, type SchedulePolicySpec } from './SchedulePolicy.ts';

/** What a backup is kept for when its policy sets no expiry (the hub's default backup TTL). */
export const defaultExpirySeconds = 30 * 86_400;

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * When a policy's backups run, in words: "Every hour, on the hour", "Every day at 02:00 (Europe/Berlin)",
 * "Every second week on Sunday at 00:00 UTC", "Every month on the 1st and 15th at 03:30 UTC",
 * "By the cron expression 0 3 * * 1-5, in UTC".
 */
export function describeSchedule(spec: SchedulePolicySpec): string {
  switch (spec.kind) {
    case 'periodic': {
      if (!spec.periodic) return missing(spec.kind);
      const { every, unit } = spec.periodic;
      if (unit === 'hours') {
        if (every === 1) return 'Every hour, on the hour';
        const perDay = 24 / every;
        if (Number.isInteger(perDay) && perDay <= 6) {
          const times = Array.from({ length: perDay }, (_, i) => `${pad(i * every)}:00`);
          return `Every ${every} hours, at ${listWords(times)} UTC`;
        }
        return `Every ${every} hours`;
      }
      return every === 60 ? 'Every hour, on the hour' : `Every ${every} minutes`;
    }
    case 'daily':
      return spec.daily ? `Every day at ${at(spec.daily)}` : missing(spec.kind);
    case 'weekly': {
      if (!spec.weekly) return missing(spec.kind);
      const { everyNWeeks, daysOfWeek: days } = spec.weekly;
      const which = weekdays(days);
      if (everyNWeeks === 1) return `Every ${which} at ${at(spec.weekly)}`;
      return `Every ${ordinalWord(everyNWeeks)} week on ${which === 'day' ? 'every day' : which} at ${at(spec.weekly)}`;
    }
    case 'monthly': {
      if (!spec.monthly) return missing(spec.kind);
      const { everyNMonths, daysOfMonth } = spec.monthly;
      const days = listWords([...daysOfMonth].sort((a, b) => a - b).map(ordinal));
      const months = everyNMonths === 1 ? 'month' : `${ordinalWord(everyNMonths)} month${whichMonths(everyNMonths)}`;
      return `Every ${months} on the ${days} at ${at(spec.monthly)}`;
    }
    case 'cron':
      return spec.cron
        ? `By the cron expression ${spec.cron.expression}, in ${spec.cron.timeZone}`
        : missing(spec.kind);
    default:
      return unreachable(spec.kind);
  }
}

/** How long a policy's backups are kept: "Keeps the newest 7; each deleted after 30 days". */
export function describeRetention(spec: Pick<SchedulePolicySpec, 'retain' | 'expirySeconds'>): string {
  const keep = spec.retain === null ? undefined : `Keeps the newest ${spec.retain}`;
  const expiry =
    spec.expirySeconds === null
      ? `each deleted after ${durationWords(defaultExpirySeconds)} (the default)`
      : `each deleted after ${durationWords(spec.expirySeconds)}`;
  return keep ? `${keep}; ${expiry}` : `Keeps all; ${expiry}`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function ordinalWord(n: number): string {
  return ({ 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', 6: 'sixth' } as Record<number, string>)[n] ?? ordinal(n);
}

function at({ time, timeZone }: { time: string; timeZone: string }): string {
  return timeZone === 'UTC' ? `${time} UTC` : `${time} (${timeZone})`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "a, b and c" */
function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function weekdays(days: readonly DayOfWeek[]): string {
  const set = new Set(days);
  const sorted = daysOfWeek.filter((d) => set.has(d));
  if (sorted.length === 7) return 'day';
  const workdays: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
  if (sorted.length === 5 && workdays.every((d) => set.has(d))) return 'weekday (Monday to Friday)';
  // Monday first reads more naturally than the API's Sunday-first order.
  const mondayFirst = [...sorted.filter((d) => d !== 'sunday'), ...sorted.filter((d) => d === 'sunday')];
  return listWords(mondayFirst.map(capitalize));
}

/** " (January, March, May, …)" for periods that divide a year; months count from January 1970. */
function whichMonths(everyNMonths: number): string {
  if (12 % everyNMonths !== 0) return '';
  const months = Array.from({ length: 12 / everyNMonths }, (_, i) => monthNames[i * everyNMonths] as string);
  return months.length <= 4 ? ` (${listWords(months)})` : ` (${months.slice(0, 3).join(', ')}, …)`;
}

function missing(kind: string): string {
  return `A ${kind} schedule (details missing)`;
}
