import { CheckboxField, Field } from '../ui/Field.tsx';
import { useMutation } from '../api/useMutation.ts';
import { describeSchedule } from '../policies/describeSchedule.ts';
import { Link } from '../router/Link.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { FormDialog } from '../ui/FormDialog.tsx';
import type { ScheduleLookups } from './BackupSchedule.ts';
import { emptyScheduleForm, type ScheduleForm, scheduleInputFromForm } from './scheduleForm.ts';
import { createBackupScheduleMutation } from './scheduleOperations.ts';
import { TextField } from '../ui/TextField.tsx';
import { useForm } from '../ui/useForm.ts';
import { LinesField } from '../ui/LinesField.tsx';

export interface CreateScheduleDialogProps {
  lookups: ScheduleLookups;
  onClose: () => void;
  onCreated: () => void;
}

/** Schedules backups of a cluster: which policy, where to, what to take, and the rules around each run. */
export function CreateScheduleDialog({ lookups, onClose, onCreated }: CreateScheduleDialogProps) {
  const mutation = useMutation(createBackupScheduleMutation);
  const { form, change } = useForm<ScheduleForm>(() =>
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
      <Dialog title="New backup schedule" onClose={onClose}>
        <p>A schedule needs {missing.map((m) => m.what).join(', ')} first:</p>
        <ul>
          {missing.map((m) => (
            <li key={m.to}>
              <Link to={m.to}>{m.where}</Link>
            </li>
          ))}
        </ul>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <FormDialog
      title="New backup schedule"
      state={mutation.state}
      send={() => mutation.run({ input: scheduleInputFromForm(form) })}
      onSaved={onCreated}
      onClose={onClose}
      failed="The hub did not create the schedule"
      submit="Create schedule"
      busy="Creating…"
    >
      <TextField
        label="Name"
        hint="Lowercase letters, digits and dashes, unique in the tenant, e.g. shop-nightly."
        required
        value={form.name}
        onChange={(value) => change({ name: value })}
      />
      <div className="form-row">
        <Choice label="Cluster" value={form.clusterId} options={lookups.clusters} onChange={(clusterId) => change({ clusterId })} />
        <Choice label="Policy" value={form.policyId} options={lookups.policies} onChange={(policyId) => change({ policyId })} />
      </div>
      {policy && <p className="hint">Runs: {describeSchedule(policy.spec)}.</p>}
      <fieldset className="fieldset">
        <legend>What each run backs up</legend>
        <Choice
          label="Backup location"
          value={form.locationId}
          options={lookups.locations.map((l) => ({ id: l.id, name: `${l.name} (${l.kind})` }))}
          onChange={(locationId) => change({ locationId })}
        />
        <div className="form-row">
          <TextField
            label="Namespaces"
            hint="Names or * patterns, comma-separated; blank takes all."
            value={form.includeNamespaces}
            onChange={(value) => change({ includeNamespaces: value })}
          />
          <TextField
            label="Except namespaces"
            hint="Excludes win over includes."
            value={form.excludeNamespaces}
            onChange={(value) => change({ excludeNamespaces: value })}
          />
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
          value={form.labelSelectors}
          onChange={(value) => change({ labelSelectors: value })}
        />
        <CheckboxField
          label="Back up volume data"
          hint="Off: only the PersistentVolume and PersistentVolumeClaim objects."
          checked={form.volumes}
          onChange={(volumes) => change({ volumes })}
        />
      </fieldset>
      <div className="form-row">
        <Choice label="Pre-backup rule" value={form.preRuleId} options={lookups.rules} none="None" onChange={(preRuleId) => change({ preRuleId })} />
        <Choice label="Post-backup rule" value={form.postRuleId} options={lookups.rules} none="None" onChange={(postRuleId) => change({ postRuleId })} />
      </div>
      <TextField
        label="Backup name prefix"
        hint="Backups are named <prefix>-<UTC time>; at most 43 characters. Blank: the schedule's name."
        maxLength={43}
        value={form.namePrefix}
        onChange={(value) => change({ namePrefix: value })}
      />
      <CheckboxField
        label="Create it suspended"
        hint="It takes no backups until resumed."
        checked={form.suspended}
        onChange={(suspended) => change({ suspended })}
      />
    </FormDialog>
  );
}

interface ChoiceProps {
  label: string;
  value: string;
  options: readonly { id: string; name: string }[];
  /** Offers a blank choice with this label. */
  none?: string;
  onChange: (id: string) => void;
}

function Choice({ label, value, options, none, onChange }: ChoiceProps) {
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} value={value} required={none === undefined} onChange={(event) => onChange(event.target.value)}>
          {none !== undefined && <option value="">{none}</option>}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
