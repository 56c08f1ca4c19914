import { WireError } from './WireError.ts';

/**
 * A parsed five-field cron expression: the values at which each field fires, ascending. Days of the week run
 * 0 (Sunday) to 6; `7` is read as Sunday. As in Vixie cron, when both day fields are restricted a day matches
 * when either does; when one is `*`, only the other counts.
 */
export interface CronExpression {
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  daysOfWeek: number[];
  daysOfMonthRestricted: boolean;
  daysOfWeekRestricted: boolean;
}

interface FieldRange {
  name: string;
  min: number;
  max: number;
  /** Where `a/n` stops when not `max`. */
  stepEnd?: number;
  names?: readonly string[];
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const fields: readonly FieldRange[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: monthNames },
  // 7 only names Sunday again: `a/n` ends the week on Saturday, so `mon/2` is Monday, Wednesday and Friday.
  { name: 'day-of-week', min: 0, max: 7, stepEnd: 6, names: dayNames },
];
/** The longest each month can be; February counts its leap day, so `29 2 *` is allowed. */
const longestMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a standard five-field cron expression (`minute hour day-of-month month day-of-week`): each field is
 * `*` or a comma-separated list of values, ranges `a-b` and steps `*\/n`, `a-b/n`, `a/n` (from a to the
 * field's end, Saturday for days of the week); months and days of the week also by their English three-letter
 * names. Extensions (`?`, `L`, `W`, `#`, `@daily`, seconds) are refused rather than guessed at. Throws a
 * `WireError` naming `field` and the cron field at fault. The hub evaluates what passes with croner, set to
 * this dialect in `hub/src/schedules/time/cronOf.ts`; `cronRuns.test.ts` beside it holds the two together.
 */
export function parseCronExpression(text: string, field: string): CronExpression {
  if (text.trim().startsWith('@')) {
    throw new WireError(field, `macros like '${text.trim()}' are not supported; write the five fields out`);
  }
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 5) {
    throw new WireError(
      field,
      `'${text}' has ${parts.length} field(s); give five: minute hour day-of-month month day-of-week`,
    );
  }
  const values = parts.map((part, i) => parseField(part, fields[i] as FieldRange, field));
  const [minutes, hours, daysOfMonth, months, weekdays] = values as [
    number[],
    number[],
    number[],
    number[],
    number[],
  ];
  const daysOfWeek = [...new Set(weekdays.map((d) => d % 7))].sort((a, b) => a - b);
  const expression: CronExpression = {
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    daysOfMonthRestricted: parts[2] !== '*',
    daysOfWeekRestricted: parts[4] !== '*',
  };
  if (expression.daysOfMonthRestricted && !expression.daysOfWeekRestricted) {
    const possible = months.some((m) => daysOfMonth.some((d) => d <= (longestMonth[m - 1] as number)));
    if (!possible) throw new WireError(field, `'${text}' never runs: none of its months has those days`);
  }
  return expression;
}

function parseField(part: string, range: FieldRange, field: string): number[] {
  const fail = (problem: string): never => {
    throw new WireError(field, `the ${range.name} field '${part}' ${problem}`);
  };
  const value = (token: string): number => {
    const byName = range.names?.indexOf(token.toLowerCase()) ?? -1;
    const n =
      byName >= 0 ? byName + (range.name === 'month' ? 1 : 0) : /^\d+$/.test(token) ? Number(token) : NaN;
    if (Number.isNaN(n)) return fail(`has '${token}', which is not a number${range.names ? ' or name' : ''}`);
    if (n < range.min || n > range.max) return fail(`has ${token}, outside ${range.min}-${range.max}`);
    return n;
  };
  const chosen = new Set<number>();
  for (const item of part.split(',')) {
    const match = /^(\*|[A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?(?:\/(\d+))?$/.exec(item);
    if (!match) return fail(`has '${item}', which is not a value, range 'a-b' or step '*/n'`);
    const [, start = '', end, step] = match;
    if (start === '*' && end !== undefined) return fail(`has '${item}': '*' cannot start a range`);
    const from = start === '*' ? range.min : value(start);
    // `a/n` runs from a to the field's end, as in most crons and in croner, which the hub evaluates with.
    const stepped = end === undefined && step !== undefined;
    const to = start === '*' ? range.max : stepped ? (range.stepEnd ?? range.max) : value(end ?? start);
    if (stepped && from > to) {
      return fail(`has '${item}': steps here end at ${to}, so start at 0, not ${from}`);
    }
    if (from > to) return fail(`has '${item}', a range that runs backwards`);
    const by = step === undefined ? 1 : Number(step);
    if (by < 1 || by > range.max) return fail(`has the step ${step}, outside 1-${range.max}`);
    for (let v = from; v <= to; v += by) chosen.add(v);
  }
  return [...chosen].sort((a, b) => a - b);
}
