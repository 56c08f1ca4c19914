import type { FormBinding } from '../ui/bindForm.ts';
import { CheckChoices } from '../ui/CheckChoices.tsx';
import { TextField } from '../ui/TextField.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { unreachable } from '../ui/unreachable.ts';
import type { PolicyForm } from './policyForm.ts';
import { daysOfWeek, type ScheduleKind } from './SchedulePolicy.ts';
import { TimeZoneField } from './TimeZoneField.tsx';

const kindLabels: Record<ScheduleKind, string> = {
  periodic: 'Every few minutes or hours',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  cron: 'Cron expression',
};

/** Monday first, as most of the world's calendars. */
const dayOptions = [...daysOfWeek.slice(1), 'sunday' as const].map((day) => ({ value: day, label: day.charAt(0).toUpperCase() + day.slice(1) }));

const unitLabels: Record<PolicyForm['unit'], string> = { minutes: 'minutes', hours: 'hours' };

export interface PolicyTimingFieldsProps {
  bind: FormBinding<PolicyForm>;
}

/** The kind of a policy's timing and the fields of that kind. */
export function PolicyTimingFields({ bind }: PolicyTimingFieldsProps) {
  return (
    <fieldset className="fieldset">
      <legend>When backups run</legend>
      <SelectField label="Repeat" options={kindLabels} value={bind.form.kind} onChange={(kind) => bind.change({ kind })} />
      <KindFields bind={bind} />
    </fieldset>
  );
}

function KindFields({ bind }: PolicyTimingFieldsProps) {
  const { form, change, text } = bind;
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
            {...text('every')}
          />
          <SelectField label="Unit" options={unitLabels} value={form.unit} onChange={(unit) => change({ unit })} />
        </div>
      );
    case 'daily':
      return <TimeAndZone bind={bind} />;
    case 'weekly':
      return (
        <>
          <CheckChoices legend="Days of the week" options={dayOptions} chosen={form.daysOfWeek} onChange={(days) => change({ daysOfWeek: days })} />
          <TextField
            label="Every how many weeks"
            hint="1 is every week, 2 every second week (counted from 5 January 1970)."
            type="number"
            min={1}
            max={52}
            {...text('everyNWeeks')}
          />
          <TimeAndZone bind={bind} />
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
              {...text('daysOfMonth')}
            />
            <TextField label="Every how many months" hint="1 to 12; 2 is January, March, …" type="number" min={1} max={12} {...text('everyNMonths')} />
          </div>
          <TimeAndZone bind={bind} />
        </>
      );
    case 'cron':
      return (
        <>
          <TextField
            label="Cron expression"
            hint={
              <>
                Five fields: minute hour day-of-month month day-of-week, e.g. <code>0 3 * * 1-5</code> (03:00 on
                weekdays).
              </>
            }
            className="mono"
            required
            {...text('expression')}
          />
          <TimeZoneField {...text('timeZone')} />
        </>
      );
    default:
      return unreachable(form.kind);
  }
}

function TimeAndZone({ bind: { text } }: PolicyTimingFieldsProps) {
  return (
    <div className="form-row">
      <TextField
        label="Time"
        hint="24-hour HH:MM, e.g. 02:30, in the time zone beside it."
        required
        inputMode="numeric"
        pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
        placeholder="02:30"
        {...text('time')}
      />
      <TimeZoneField {...text('timeZone')} />
    </div>
  );
}
