import { CheckboxField } from '../ui/Field.tsx';
import { useMutation } from '../api/useMutation.ts';
import { describeSchedule } from '../policies/describeSchedule.ts';
import { Link } from '../router/Link.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { DialogActions } from '../ui/DialogActions.tsx';
import { editorWords } from '../ui/editorWords.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { emptyScheduleForm, type ScheduleForm, scheduleInputFromForm } from './scheduleForm.ts';
import { createBackupScheduleMutation, lookupsOf, type SchedulesData } from './scheduleOperations.ts';
import { NameField } from '../ui/NameField.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import type { SettingsCreatorProps } from '../ui/SettingsPage.tsx';
import { TextField } from '../ui/TextField.tsx';
import { useForm } from '../ui/useForm.ts';
import { LinesField } from '../ui/LinesField.tsx';

const newTitle = 'New backup schedule';

/** Schedules backups of a cluster: which policy, where to, what to take, and the rules around each run. */
export function CreateScheduleDialog({ data, onClose, onSaved }: SettingsCreatorProps<SchedulesData>) {
  const lookups = lookupsOf(data);
  const mutation = useMutation(createBackupScheduleMutation);
  const { form, change, text, check } = useForm<ScheduleForm>(() =>
    emptyScheduleForm({
      clusterId: lookups.clusters[0]?.id,
      policyId: lookups.policies[0]?.id,
      locationId: lookups.locations[0]?.id,
    }),
  );
  const missing = [
    lookups.clusters.length === 0 && { what: 'a cluster', to: '/fleet', where: 'Fleet' },
    lookups.policies.length === 0 && { what: 'a schedule policy', to: '/policies', where: 'Schedule policies' },
    lookups.locations.length === 0 && { what: 'a backup location', to: '/locations', where: 'Backup locations' },
  ].filter((m) => m !== false);
  const policy = lookups.policies.find((p) => p.id === form.policyId);

  if (missing.length > 0) {
    return (
      <Dialog title={newTitle} onClose={onClose}>
        <p>A schedule needs {missing.map((m) => m.what).join(', ')} first:</p>
        <ul>
          {missing.map((m) => (
            <li key={m.to}>
              <Link to={m.to}>{m.where}</Link>
            </li>
          ))}
        </ul>
        <DialogActions close="Close" onClose={onClose} />
      </Dialog>
    );
  }

  return (
    <FormDialog
      {...editorWords('schedule', undefined, { newTitle })}
      state={mutation.state}
      send={() => mutation.run({ input: scheduleInputFromForm(form) })}
      onSaved={onSaved}
      onClose={onClose}
    >
      <NameField {...text('name')} example="shop-nightly" />
      <div className="form-row">
        <SelectField label="Cluster" required options={choices(lookups.clusters)} value={form.clusterId} onChange={(clusterId) => change({ clusterId })} />
        <SelectField label="Policy" required options={choices(lookups.policies)} value={form.policyId} onChange={(policyId) => change({ policyId })} />
      </div>
      {policy && <p className="hint">Runs: {describeSchedule(policy.spec)}.</p>}
      <fieldset className="fieldset">
        <legend>What each run backs up</legend>
        <SelectField
          label="Backup location"
          required
          options={lookups.locations.map((l) => ({ value: l.id, label: `${l.name} (${l.kind})` }))}
          value={form.locationId}
          onChange={(locationId) => change({ locationId })}
        />
        <div className="form-row">
          <TextField label="Namespaces" hint="Names or * patterns, comma-separated; blank takes all." {...text('includeNamespaces')} />
          <TextField label="Except namespaces" hint="Excludes win over includes." {...text('excludeNamespaces')} />
        </div>
        <LinesField
          label="Label selectors"
          hint={
            <>
              One per line, e.g. <code>app=web,tier in (db)</code>; an object matching any is taken. Blank takes
              everything.
            </>
          }
          rows={2}
          {...text('labelSelectors')}
        />
        <CheckboxField label="Back up volume data" hint="Off: only the PersistentVolume and PersistentVolumeClaim objects." {...check('volumes')} />
      </fieldset>
      <div className="form-row">
        <SelectField label="Pre-backup rule" options={choices(lookups.rules, 'None')} value={form.preRuleId} onChange={(preRuleId) => change({ preRuleId })} />
        <SelectField label="Post-backup rule" options={choices(lookups.rules, 'None')} value={form.postRuleId} onChange={(postRuleId) => change({ postRuleId })} />
      </div>
      <TextField
        label="Backup name prefix"
        hint="Backups are named <prefix>-<UTC time>; at most 43 characters. Blank: the schedule's name."
        maxLength={43}
        {...text('namePrefix')}
      />
      <CheckboxField label="Create it suspended" hint="It takes no backups until resumed." {...check('suspended')} />
    </FormDialog>
  );
}

/** The select options naming each of `list`, after a blank one labelled `none` when it may stay unset. */
function choices(list: readonly { id: string; name: string }[], none?: string) {
  return [...(none === undefined ? [] : [{ value: '', label: none }]), ...list.map((x) => ({ value: x.id, label: x.name }))];
}
