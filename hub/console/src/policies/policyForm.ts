import { parseWords } from '../access/listText.ts';
import { unreachable } from '../ui/unreachable.ts';
import { durationText } from './durationText.ts';
import type { DayOfWeek, PeriodUnit, ScheduleKind, SchedulePolicySpec, SchedulePolicySpecInput } from './SchedulePolicy.ts';

/**
 * A schedule policy as its form holds it: every field of every kind as typed (strings for numbers), so
 * switching the kind keeps what was entered. The browser checks formats (`required`, `pattern`, `min`);
 * the hub checks the rest.
 */
export interface PolicyForm {
  name: string;
  kind: ScheduleKind;
  every: string;
  unit: PeriodUnit;
  /** `HH:MM`, for daily, weekly and monthly. */
  time: string;
  /** IANA zone, for every kind but periodic. */
  timeZone: string;
  daysOfWeek: DayOfWeek[];
  everyNWeeks: string;
  /** "1, 15" */
  daysOfMonth: string;
  everyNMonths: string;
  expression: string;
  /** Empty: keep all. */
  retain: string;
  /** Empty: the default expiry; else `30d`, `720h`, `1h30m`. */
  expiry: string;
}

/** A fresh form: daily at 01:00 in `timeZone`. */
export function emptyPolicyForm(timeZone = 'UTC'): PolicyForm {
  return {
    name: '',
    kind: 'daily',
    every: '6',
    unit: 'hours',
    time: '01:00',
    timeZone,
    daysOfWeek: ['sunday'],
    everyNWeeks: '1',
    daysOfMonth: '1',
    everyNMonths: '1',
    expression: '0 1 * * *',
    retain: '',
    expiry: '',
  };
}

/** The form for an existing policy or a preset: its timing block, and defaults for the other kinds. */
export function policyFormFromSpec(name: string, spec: SchedulePolicySpec, fallbackTimeZone = 'UTC'): PolicyForm {
  const form: PolicyForm = {
    ...emptyPolicyForm(fallbackTimeZone),
    name,
    kind: spec.kind,
    retain: spec.retain === null ? '' : String(spec.retain),
    expiry: spec.expirySeconds === null ? '' : durationText(spec.expirySeconds),
  };
  if (spec.periodic) Object.assign(form, { every: String(spec.periodic.every), unit: spec.periodic.unit });
  if (spec.daily) Object.assign(form, { time: spec.daily.time, timeZone: spec.daily.timeZone });
  if (spec.weekly) {
    Object.assign(form, {
      time: spec.weekly.time,
      timeZone: spec.weekly.timeZone,
      daysOfWeek: [...spec.weekly.daysOfWeek],
      everyNWeeks: String(spec.weekly.everyNWeeks),
    });
  }
  if (spec.monthly) {
    Object.assign(form, {
      time: spec.monthly.time,
      timeZone: spec.monthly.timeZone,
      daysOfMonth: spec.monthly.daysOfMonth.join(', '),
      everyNMonths: String(spec.monthly.everyNMonths),
    });
  }
  if (spec.cron) Object.assign(form, { expression: spec.cron.expression, timeZone: spec.cron.timeZone });
  return form;
}

/** The `spec` input of create/update: only the chosen kind's block, numbers as numbers, blanks as defaults. */
export function specInputFromPolicyForm(form: PolicyForm): SchedulePolicySpecInput {
  const zone = form.timeZone.trim() || undefined;
  const time = form.time.trim();
  const retention = {
    retain: form.retain.trim() === '' ? null : Number(form.retain),
    expiry: form.expiry.trim() === '' ? null : form.expiry.trim(),
  };
  switch (form.kind) {
    case 'periodic':
      return { periodic: { every: whole(form.every), unit: form.unit }, ...retention };
    case 'daily':
      return { daily: { time, timeZone: zone }, ...retention };
    case 'weekly':
      return {
        weekly: { daysOfWeek: [...form.daysOfWeek], everyNWeeks: Number(form.everyNWeeks || 1), time, timeZone: zone },
        ...retention,
      };
    case 'monthly':
      return {
        monthly: {
          daysOfMonth: parseWords(form.daysOfMonth).map(Number),
          everyNMonths: Number(form.everyNMonths || 1),
          time,
          timeZone: zone,
        },
        ...retention,
      };
    case 'cron':
      return { cron: { expression: form.expression.trim(), timeZone: zone }, ...retention };
    default:
      return unreachable(form.kind);
  }
}

/** A required number as typed; blank is NaN (not 0), so nothing mistakes it for a value. */
function whole(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/**
 * The policy the form describes, for the live "Runs …" line while editing; undefined while a number is not one
 * yet. The hub's own defaults fill blanks (UTC, every week, every month).
 */
export function previewSpec(form: PolicyForm): SchedulePolicySpec | undefined {
  const input = specInputFromPolicyForm(form);
  const zone = form.timeZone.trim() || 'UTC';
  const numbers = [
    input.periodic?.every,
    input.weekly?.everyNWeeks,
    input.monthly?.everyNMonths,
    ...(input.monthly?.daysOfMonth ?? []),
    input.retain,
  ];
  if (numbers.some((n) => n !== undefined && n !== null && !Number.isInteger(n))) return undefined;
  if (input.monthly && input.monthly.daysOfMonth.length === 0) return undefined;
  if (input.weekly && input.weekly.daysOfWeek.length === 0) return undefined;
  return {
    kind: form.kind,
    periodic: input.periodic ?? null,
    daily: input.daily ? { time: input.daily.time, timeZone: zone } : null,
    weekly: input.weekly ? { ...input.weekly, everyNWeeks: input.weekly.everyNWeeks ?? 1, timeZone: zone } : null,
    monthly: input.monthly ? { ...input.monthly, everyNMonths: input.monthly.everyNMonths ?? 1, timeZone: zone } : null,
    cron: input.cron ? { expression: input.cron.expression, timeZone: zone } : null,
    retain: input.retain ?? null,
    expirySeconds: null,
  };
}
