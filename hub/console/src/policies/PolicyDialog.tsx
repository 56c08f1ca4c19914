import { useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { editorWords } from '../ui/editorWords.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import type { SettingsFormProps } from '../ui/SettingsPage.tsx';
import { useSaveMutation } from '../ui/useSaveMutation.ts';
import { NameField } from '../ui/NameField.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { describeSchedule } from './describeSchedule.ts';
import {
  createSchedulePolicyMutation,
  schedulePolicyPresetsQuery,
  updateSchedulePolicyMutation,
} from './policyOperations.ts';
import { emptyPolicyForm, type PolicyForm, policyFormFromSpec, previewSpec, specInputFromPolicyForm } from './policyForm.ts';
import { PolicyTimingFields } from './PolicyTimingFields.tsx';
import type { SchedulePolicy } from './SchedulePolicy.ts';
import { browserTimeZone } from './TimeZoneField.tsx';
import { TextField } from '../ui/TextField.tsx';
import { useForm } from '../ui/useForm.ts';

/** Creates a schedule policy (blank or from a preset) or edits one: its timing, retention and expiry. */
export function PolicyDialog({ tenantId, editing: policy, onClose, onSaved }: SettingsFormProps<SchedulePolicy>) {
  const { create, update, state } = useSaveMutation(createSchedulePolicyMutation, updateSchedulePolicyMutation, Boolean(policy));
  const bind = useForm<PolicyForm>(() =>
    policy ? policyFormFromSpec(policy.name, policy.spec, browserTimeZone()) : emptyPolicyForm(browserTimeZone()),
  );
  const { form, text, setForm } = bind;
  const preview = previewSpec(form);

  const send = (): Promise<unknown> => {
    const spec = specInputFromPolicyForm(form);
    const name = form.name.trim();
    return policy ? update({ id: policy.id, input: { name, spec } }) : create({ input: { tenantId, name, spec } });
  };

  return (
    <FormDialog {...editorWords('policy', policy, { newTitle: 'New schedule policy' })} state={state} send={send} onSaved={onSaved} onClose={onClose}>
      {!policy && <PresetPicker onPick={setForm} />}
      <NameField {...text('name')} example="nightly" />
      <PolicyTimingFields bind={bind} />
      <fieldset className="fieldset">
        <legend>How long backups are kept</legend>
        <div className="form-row">
          <TextField label="Keep the newest" hint="1 to 1000 successful backups; blank keeps all." type="number" min={1} max={1000} {...text('retain')} />
          <TextField label="Delete each after" hint="e.g. 30d, 720h, 1h30m; blank: 30 days." pattern="\s*(\d+[dhms])+\s*" {...text('expiry')} />
        </div>
      </fieldset>
      <p className="hint" aria-live="polite">
        {preview ? `Runs: ${describeSchedule(preview)}.` : 'Fill in the timing to see when it runs.'}
      </p>
      {policy && <p className="hint">Schedules using this policy follow the change from their next run.</p>}
    </FormDialog>
  );
}

/** "Start from": the hub's presets, each filling the whole form (name included). */
function PresetPicker({ onPick }: { onPick: (form: PolicyForm) => void }) {
  const query = useQuery(schedulePolicyPresetsQuery, {});
  const [chosen, setChosen] = useState('');
  const presets = query.state.status === 'ready' ? query.state.data.schedulePolicyPresets : [];
  const pick = (name: string) => {
    setChosen(name);
    const preset = presets.find((p) => p.name === name);
    onPick(preset ? policyFormFromSpec(preset.name, preset.spec) : emptyPolicyForm(browserTimeZone()));
  };
  return (
    <>
      <SelectField
        label="Start from"
        hint={
          query.state.status === 'loading'
            ? 'Loading presets…'
            : (presets.find((p) => p.name === chosen)?.description ?? 'A preset fills in the form; change anything after.')
        }
        options={[{ value: '', label: 'A blank policy' }, ...presets.map((p) => ({ value: p.name, label: `Preset: ${p.name}` }))]}
        value={chosen}
        onChange={pick}
      />
      {query.state.status === 'error' && (
        <ErrorState error={query.state.error} title="Could not load the presets" onRetry={query.reload} compact />
      )}
    </>
  );
}
