/** When a policy's backups run: the block named by `kind` is set (schema `SchedulePolicySpec`). */
export type ScheduleKind = 'periodic' | 'daily' | 'weekly' | 'monthly' | 'cron';
export type PeriodUnit = 'minutes' | 'hours';
export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** In week order, Sunday first as in cron and the API. */
export const daysOfWeek: readonly DayOfWeek[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

export const scheduleKinds: readonly ScheduleKind[] = ['periodic', 'daily', 'weekly', 'monthly', 'cron'];

export interface SchedulePolicySpec {
  kind: ScheduleKind;
  periodic: { every: number; unit: PeriodUnit } | null;
  daily: { time: string; timeZone: string } | null;
  weekly: { daysOfWeek: DayOfWeek[]; everyNWeeks: number; time: string; timeZone: string } | null;
  monthly: { daysOfMonth: number[]; everyNMonths: number; time: string; timeZone: string } | null;
  cron: { expression: string; timeZone: string } | null;
  /** Keep the newest N successful backups; null keeps all. */
  retain: number | null;
  /** Seconds after which each backup is deleted; null: the backup's default TTL. */
  expirySeconds: number | null;
}

/** The selection of a `SchedulePolicySpec` every query of it asks for. */
export const specSelection = `
  kind retain expirySeconds
  periodic { every unit }
  daily { time timeZone }
  weekly { daysOfWeek everyNWeeks time timeZone }
  monthly { daysOfMonth everyNMonths time timeZone }
  cron { expression timeZone }
`;

/** When backups run and how many are kept; serves any number of backup schedules. */
export interface SchedulePolicy {
  id: string;
  tenantId: string;
  name: string;
  spec: SchedulePolicySpec;
  createdAt: string;
  updatedAt: string;
}

/** A ready-made schedule to start a policy from. */
export interface SchedulePolicyPreset {
  name: string;
  description: string;
  spec: SchedulePolicySpec;
}

/** What `createSchedulePolicy` and `updateSchedulePolicy` take as `spec`: exactly one timing block. */
export interface SchedulePolicySpecInput {
  periodic?: { every: number; unit: PeriodUnit };
  daily?: { time: string; timeZone?: string };
  weekly?: { daysOfWeek: DayOfWeek[]; everyNWeeks?: number; time: string; timeZone?: string };
  monthly?: { daysOfMonth: number[]; everyNMonths?: number; time: string; timeZone?: string };
  cron?: { expression: string; timeZone?: string };
  retain?: number | null;
  expiry?: string | null;
}
