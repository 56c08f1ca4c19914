import { useMutation } from '../api/useMutation.ts';
import { editorWords } from '../ui/editorWords.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { NameField } from '../ui/NameField.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import type { SettingsCreatorProps } from '../ui/SettingsPage.tsx';
import { TextField } from '../ui/TextField.tsx';
import { locationKindLabels, locationKinds } from './kinds/locationKinds.ts';
import { emptyLocationForm, type LocationForm, locationInputFromForm } from './locationForm.ts';
import { createBackupLocationMutation, type LocationsData } from './locationOperations.ts';
import { useForm } from '../ui/useForm.ts';

/** Adds a backup location of one of the kinds, with the fields and credential that kind takes (`kinds/`). */
export function CreateLocationDialog({ tenantId, data, onClose, onSaved }: SettingsCreatorProps<LocationsData>) {
  const mutation = useMutation(createBackupLocationMutation);
  const bind = useForm<LocationForm>(() => emptyLocationForm());
  const { form, change, text } = bind;
  const view = locationKinds[form.kind];
  const { credential } = view;
  const matching = data.credentials.edges.map((e) => e.node).filter((c) => credential?.kinds.includes(c.kind));

  return (
    <FormDialog
      {...editorWords('location', undefined, { newTitle: 'New backup location' })}
      state={mutation.state}
      send={() => mutation.run({ input: locationInputFromForm(tenantId, form) })}
      onSaved={onSaved}
      onClose={onClose}
    >
      <div className="form-row">
        <NameField {...text('name')} />
        <SelectField label="Kind" options={locationKindLabels} value={form.kind} onChange={(kind) => change({ kind, credentialId: '' })} />
      </div>
      <fieldset className="fieldset">
        <legend>Where backups go</legend>
        <view.Place bind={bind} />
        <TextField label="Prefix" hint="Optional, relative, e.g. prod/eu. Cannot change later." {...text('prefix')} />
        {view.Options && <view.Options bind={bind} />}
      </fieldset>
      {credential && (
        <SelectField
          label="Credential"
          hint={
            matching.length === 0
              ? `No ${credential.kinds.join(' or ')} credential in this tenant yet; store one on the Credentials screen.`
              : credential.hint
          }
          required={credential.required}
          options={[{ value: '', label: credential.none }, ...matching.map((c) => ({ value: c.id, label: c.name }))]}
          value={form.credentialId}
          onChange={(credentialId) => change({ credentialId })}
        />
      )}
      <TextField label="Encryption key reference" hint="Optional: names the key that encrypts backup data." {...text('encryptionKeyRef')} />
    </FormDialog>
  );
}
