import { CheckboxField } from '../ui/Field.tsx';
import { useMutation } from '../api/useMutation.ts';
import { editorWords } from '../ui/editorWords.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { NameField } from '../ui/NameField.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import type { SettingsCreatorProps } from '../ui/SettingsPage.tsx';
import { TextField } from '../ui/TextField.tsx';
import { locationKindLabels } from './BackupLocation.ts';
import { credentialKindFor, emptyLocationForm, type LocationForm, locationInputFromForm } from './locationForm.ts';
import { createBackupLocationMutation, type LocationsData } from './locationOperations.ts';
import { useForm } from '../ui/useForm.ts';

/** Adds a backup location of one of the four kinds, with the fields and credential that kind takes. */
export function CreateLocationDialog({ tenantId, data, onClose, onSaved }: SettingsCreatorProps<LocationsData>) {
  const mutation = useMutation(createBackupLocationMutation);
  const { form, change, text, check } = useForm<LocationForm>(() => emptyLocationForm());
  const credentialKind = credentialKindFor(form.kind);
  const matching = data.credentials.edges.map((e) => e.node).filter((c) => c.kind === credentialKind);

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
        {form.kind === 'filesystem' ? (
          <TextField label="Path" hint="An absolute path as mounted into the agent, e.g. /var/backups/fleetback." required {...text('path')} />
        ) : (
          <TextField label={form.kind === 'azure' ? 'Container' : 'Bucket'} required {...text('bucket')} />
        )}
        <TextField label="Prefix" hint="Optional, relative, e.g. prod/eu. Cannot change later." {...text('prefix')} />
        {form.kind === 's3' && (
          <div className="form-row">
            <TextField label="Region" hint="e.g. eu-west-1; optional." {...text('region')} />
            <TextField label="Endpoint" hint="For S3-compatible stores: http(s)://host[:port]." type="url" {...text('endpoint')} />
          </div>
        )}
        {(form.kind === 'azure' || form.kind === 'gcs') && (
          <TextField
            label="Endpoint"
            hint={
              form.kind === 'azure'
                ? 'Blob service URL for sovereign clouds, private endpoints or emulators; blank: from the account.'
                : 'API endpoint for private endpoints or emulators; blank: Google. With one, the credential is optional.'
            }
            type="url"
            {...text('endpoint')}
          />
        )}
        {form.kind === 's3' && (
          <CheckboxField
            label="Path-style addressing"
            hint="Address the bucket as a path, not a host name (most S3-compatible stores)."
            {...check('forcePathStyle')}
          />
        )}
      </fieldset>
      {credentialKind && (
        <SelectField
          label="Credential"
          hint={
            matching.length === 0
              ? `No ${credentialKind} credential in this tenant yet; store one on the Credentials screen.`
              : form.kind === 's3'
                ? "Blank: the agent's own identity (e.g. an IAM role)."
                : form.kind === 'gcs'
                  ? 'Required unless an endpoint is given.'
                  : 'Required.'
          }
          required={form.kind === 'azure'}
          options={[
            { value: '', label: form.kind === 's3' ? "None: the agent's identity" : 'None' },
            ...matching.map((c) => ({ value: c.id, label: c.name })),
          ]}
          value={form.credentialId}
          onChange={(credentialId) => change({ credentialId })}
        />
      )}
      <TextField label="Encryption key reference" hint="Optional: names the key that encrypts backup data." {...text('encryptionKeyRef')} />
    </FormDialog>
  );
}
