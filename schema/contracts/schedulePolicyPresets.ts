import type { SchedulePolicySpec } from './SchedulePolicySpec.ts';

/** A ready-made schedule policy a console offers as a starting point. */
export interface SchedulePolicyPreset {
  /** A DNS label, usable as the name of a policy made from it. */
  name: string;
  description: string;
  spec: SchedulePolicySpec;
}

const common = { version: 1, retain: null, expirySeconds: null } as const;

/**
 * The schedules users ask for most (those Palette offers: weekly on Sunday, every two weeks, monthly on the
 * 1st, every two months), all at midnight UTC, plus daily and hourly. "Every two weeks" is a weekly schedule
 * with `everyNWeeks: 2`, not a 14-day period, so it stays on Sundays.
 */
export const schedulePolicyPresets: readonly SchedulePolicyPreset[] = [
  {
    name: 'hourly',
    description: 'Every hour, on the hour.',
    spec: { ...common, schedule: { kind: 'periodic', every: 1, unit: 'hours' } },
  },
  {
    name: 'daily',
    description: 'Every day at 00:00 UTC.',
    spec: { ...common, schedule: { kind: 'daily', time: '00:00', timeZone: 'UTC' } },
  },
  {
    name: 'weekly',
    description: 'Every week on Sunday at 00:00 UTC.',
    spec: {
      ...common,
      schedule: { kind: 'weekly', daysOfWeek: ['sunday'], everyNWeeks: 1, time: '00:00', timeZone: 'UTC' },
    },
  },
  {
    name: 'every-two-weeks',
    description: 'Every second week on Sunday at 00:00 UTC.',
    spec: {
      ...common,
      schedule: { kind: 'weekly', daysOfWeek: ['sunday'], everyNWeeks: 2, time: '00:00', timeZone: 'UTC' },
    },
  },
  {
    name: 'monthly',
    description: 'Every month on the 1st at 00:00 UTC.',
    spec: {
      ...common,
      schedule: { kind: 'monthly', daysOfMonth: [1], everyNMonths: 1, time: '00:00', timeZone: 'UTC' },
    },
  },
  {
    name: 'every-two-months',
    description: 'Every second month (January, March, …) on the 1st at 00:00 UTC.',
    spec: {
      ...common,
      schedule: { kind: 'monthly', daysOfMonth: [1], everyNMonths: 2, time: '00:00', timeZone: 'UTC' },
    },
  },
];
