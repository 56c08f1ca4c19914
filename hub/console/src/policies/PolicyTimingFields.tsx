import { Field } from '../ui/Field.tsx';
import { unreachable } from '../ui/unreachable.ts';
import type { PolicyForm } from './policyForm.ts';
import { type DayOfWeek, daysOfWeek, type ScheduleKind } from './SchedulePolicy.ts';
import { TimeZoneField } from './TimeZoneField.tsx';
import { TextField } from '../ui/TextField.tsx';

const kindLabels: Record<ScheduleKind, string> = {
  periodic: 'Every few minutes or hours',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  cron: 'Cron expression',
};

export interface PolicyTimingFieldsProps {
  form: PolicyForm;
  change: (patch: Partial<PolicyForm>) => void;
}

/** The kind of a policy's timing and the fields of that kind. */
export function PolicyTimingFields({ form, change }: PolicyTimingFieldsProps) {
  return (
    <fieldset className="fieldset">
      <legend>When backups run</legend>
      <Field label="Repeat">
        {(control) => (
          <select {...control} value={form.kind} onChange={(event) => change({ kind: event.target.value as ScheduleKind })}>
            {Object.entries(kindLabels).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <KindFields form={form} change={change} />
    </fieldset>
  );
}

function KindFields({ form, change }: PolicyTimingFieldsProps) {
  switch (form.kind) {
    case 'periodic':
      return (
        <div className="form-row">
          <TextField
            label="Every"
            hint="Minutes: 5 to 1440; hours: 1 to 744. Runs at whole multiples since 1970 UTC."
            type="number"
            min={1}
            max={form.unit === 'minutes' ? 1440 : 744}
            required
            value={form.every}
            onChange={(value) => change({ every: value })}
          />
          <Field label="Unit">
            {(control) => (
              <select
                {...control}
                value={form.unit}
                onChange={(event) => change({ unit: event.target.value as PolicyForm['unit'] })}
              >
                <option value="minutes">minutes</option>
                <option value="hours">hours</option>
              </select>
            )}
          </Field>
        </div>
      );
    case 'daily':
      return <TimeAndZone form={form} change={change} />;
    case 'weekly':
      return (
        <>
          <fieldset className="fieldset nested">
            <legend>Days of the week</legend>
            <div className="choice-group">
              {[...daysOfWeek.slice(1), 'sunday' as const].map((day) => (
                <label key={day}>
                  <input
                    type="checkbox"
                    checked={form.daysOfWeek.includes(day)}
                    onChange={(event) => change({ daysOfWeek: toggle(form.daysOfWeek, day, event.target.checked) })}
                  />
                  {day.charAt(0).toUpperCase() + day.slice(1)}
                </label>
              ))}
            </div>
          </fieldset>
          <TextField
            label="Every how many weeks"
            hint="1 is every week, 2 every second week (counted from 5 January 1970)."
            type="number"
            min={1}
            max={52}
            value={form.everyNWeeks}
            onChange={(value) => change({ everyNWeeks: value })}
          />
          <TimeAndZone form={form} change={change} />
        </>
      );
    case 'monthly':
      return (
        <>
          <div className="form-row">
            <TextField
              label="Days of the month"
              hint="1 to 31, e.g. 1, 15. A day past a month's end runs on the 1st of the next."
              required
              pattern="\s*\d{1,2}([\s,]+\d{1,2})*[\s,]*"
              value={form.daysOfMonth}
              onChange={(value) => change({ daysOfMonth: value })}
            />
            <TextField
              label="Every how many months"
              hint="1 to 12; 2 is January, March, …"
              type="number"
              min={1}
              max={12}
              value={form.everyNMonths}
              onChange={(value) => change({ everyNMonths: value })}
            />
          </div>
          <TimeAndZone form={form} change={change} />
        </>
      );
    case 'cron':
      return (
        <>
          <Field
            label="Cron expression"
            hint={
              <>
                Five fields: minute hour day-of-month month day-of-week, e.g. <code>0 3 * * 1-5</code> (03:00 on
                weekdays).
              </>
            }
          >
            {(control) => (
              <input
                {...control}
                className="mono"
                required
                spellCheck={false}
                autoComplete="off"
                value={form.expression}
                onChange={(event) => change({ expression: event.target.value })}
              />
            )}
          </Field>
          <TimeZoneField value={form.timeZone} onChange={(timeZone) => change({ timeZone })} />
        </>
      );
    default:
      return unreachable(form.kind);
  }
}

function TimeAndZone({ form, change }: PolicyTimingFieldsProps) {
  return (
    <div className="form-row">
      <TextField
        label="Time"
        hint="24-hour HH:MM, e.g. 02:30, in the time zone beside it."
        required
        inputMode="numeric"
        pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
        placeholder="02:30"
        value={form.time}
        onChange={(value) => change({ time: value })}
      />
      <TimeZoneField value={form.timeZone} onChange={(timeZone) => change({ timeZone })} />
    </div>
  );
}

function toggle(days: readonly DayOfWeek[], day: DayOfWeek, on: boolean): DayOfWeek[] {
  return on ? [...days.filter((d) => d !== day), day] : days.filter((d) => d !== day);
}
