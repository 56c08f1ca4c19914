import { describe, expect, it } from 'vitest';
import { durationText, durationWords } from './durationText.ts';
import { emptyPolicyForm, policyFormFromSpec, previewSpec, specInputFromPolicyForm } from './policyForm.ts';
import type { SchedulePolicySpec } from './SchedulePolicy.ts';

const none = { periodic: null, daily: null, weekly: null, monthly: null, cron: null, retain: null, expirySeconds: null };

describe('the schedule policy form', () => {
  it('sends only the chosen kind, numbers as numbers, a blank retention as none', () => {
    const form = { ...emptyPolicyForm('Europe/Berlin'), name: 'nightly', kind: 'periodic' as const, every: '30', unit: 'minutes' as const };
    expect(specInputFromPolicyForm(form)).toEqual({ periodic: { every: 30, unit: 'minutes' }, retain: null, expiry: null });
    expect(specInputFromPolicyForm({ ...form, kind: 'daily', time: '02:00', retain: '7', expiry: ' 14d ' })).toEqual({
      daily: { time: '02:00', timeZone: 'Europe/Berlin' },
      retain: 7,
      expiry: '14d',
    });
  });

  it('reads the days of a monthly policy as typed, and leaves a blank time zone to the hub’s default', () => {
    const form = { ...emptyPolicyForm(''), kind: 'monthly' as const, daysOfMonth: '1, 15 28', everyNMonths: '2', time: '03:00' };
    expect(specInputFromPolicyForm(form)).toEqual({
      monthly: { daysOfMonth: [1, 15, 28], everyNMonths: 2, time: '03:00', timeZone: undefined },
      retain: null,
      expiry: null,
    });
  });

  it('sends weekly days and a cron expression', () => {
    const form = { ...emptyPolicyForm(), kind: 'weekly' as const, daysOfWeek: ['monday' as const, 'friday' as const], everyNWeeks: '' };
    expect(specInputFromPolicyForm(form).weekly).toEqual({ daysOfWeek: ['monday', 'friday'], everyNWeeks: 1, time: '01:00', timeZone: 'UTC' });
    expect(specInputFromPolicyForm({ ...form, kind: 'cron', expression: ' 0 3 * * 1-5 ' }).cron).toEqual({
      expression: '0 3 * * 1-5',
      timeZone: 'UTC',
    });
  });

  it('fills from a policy (or preset) and sends back the same timing', () => {
    const spec: SchedulePolicySpec = {
      ...none,
      kind: 'weekly',
      weekly: { daysOfWeek: ['sunday'], everyNWeeks: 2, time: '00:00', timeZone: 'UTC' },
      retain: 4,
      expirySeconds: 5_400,
    };
    const form = policyFormFromSpec('every-two-weeks', spec);
    expect(form).toMatchObject({ name: 'every-two-weeks', kind: 'weekly', everyNWeeks: '2', retain: '4', expiry: '1h30m' });
    expect(specInputFromPolicyForm(form)).toEqual({
      weekly: { daysOfWeek: ['sunday'], everyNWeeks: 2, time: '00:00', timeZone: 'UTC' },
      retain: 4,
      expiry: '1h30m',
    });
  });
});

describe('durations', () => {
  it.each([
    [2_592_000, '30d', '30 days'],
    [5_400, '1h30m', '1 hour 30 minutes'],
    [90_061, '1d1h1m1s', '1 day 1 hour 1 minute 1 second'],
    [0, '0s', '0 seconds'],
  ])('%i s is %s, %s', (seconds, text, words) => {
    expect(durationText(seconds)).toBe(text);
    expect(durationWords(seconds)).toBe(words);
  });
});

describe('previewSpec', () => {
  it('describes what the form would save, with the hub’s defaults for blanks', () => {
    const form = { ...emptyPolicyForm(''), kind: 'monthly' as const, daysOfMonth: '1 15', everyNMonths: '' };
    expect(previewSpec(form)?.monthly).toEqual({ daysOfMonth: [1, 15], everyNMonths: 1, time: '01:00', timeZone: 'UTC' });
  });

  it('has nothing to preview while a number is half-typed or no day is chosen', () => {
    expect(previewSpec({ ...emptyPolicyForm(), kind: 'monthly', daysOfMonth: '1, x' })).toBeUndefined();
    expect(previewSpec({ ...emptyPolicyForm(), kind: 'weekly', daysOfWeek: [] })).toBeUndefined();
    expect(previewSpec({ ...emptyPolicyForm(), kind: 'periodic', every: '' })).toBeUndefined();
  });
});
