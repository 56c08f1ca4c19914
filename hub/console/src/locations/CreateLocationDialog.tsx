import { CheckboxField, Field } from '../ui/Field.tsx';
import { useMutation } from '../api/useMutation.ts';
import type { CredentialKind } from '../credentials/Credential.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { type BackupLocationKind, locationKindLabels } from './BackupLocation.ts';
import { credentialKindFor, emptyLocationForm, type LocationForm, locationInputFromForm } from './locationForm.ts';
import { createBackupLocationMutation } from './locationOperations.ts';
import { useForm } from '../ui/useForm.ts';

export interface CreateLocationDialogProps {
  tenantId: string;
  credentials: readonly { id: string; name: string; kind: CredentialKind }[];
  onClose: () => void;
  onCreated: () => void;
}

/** Adds a backup location of one of the four kinds, with the fields and credential that kind takes. */
export function CreateLocationDialog({ tenantId, credentials, onClose, onCreated }: CreateLocationDialogProps) {
  const mutation = useMutation(createBackupLocationMutation);
  const { form, change } = useForm<LocationForm>(() => emptyLocationForm());
  const credentialKind = credentialKindFor(form.kind);
  const matching = credentials.filter((c) => c.kind === credentialKind);

  const text = (key: 'name' | 'bucket' | 'region' | 'endpoint' | 'path' | 'prefix' | 'encryptionKeyRef', required = false) => ({
    required,
    spellCheck: false,
    autoComplete: 'off',
    value: form[key],
    onChange: (event: { target: { value: string } }) => change({ [key]: event.target.value }),
  });

  return (
    <FormDialog
      title="New backup location"
      state={mutation.state}
      send={() => mutation.run({ input: locationInputFromForm(tenantId, form) })}
      onSaved={onCreated}
      onClose={onClose}
      failed="The hub did not create the location"
      submit="Create location"
      busy="Creating…"
    >
      <div className="form-row">
        <Field label="Name" hint="Lowercase letters, digits and dashes, unique in the tenant.">
          {(control) => <input {...control} {...text('name', true)} />}
        </Field>
        <Field label="Kind">
          {(control) => (
            <select
              {...control}
              value={form.kind}
              onChange={(event) => change({ kind: event.target.value as BackupLocationKind, credentialId: '' })}
            >
              {Object.entries(locationKindLabels).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="fieldset">
        <legend>Where backups go</legend>
        {form.kind === 'filesystem' ? (
          <Field label="Path" hint="An absolute path as mounted into the agent, e.g. /var/backups/fleetback.">
            {(control) => <input {...control} {...text('path', true)} />}
          </Field>
        ) : (
          <Field label={form.kind === 'azure' ? 'Container' : 'Bucket'}>
            {(control) => <input {...control} {...text('bucket', true)} />}
          </Field>
        )}
        <Field label="Prefix" hint="Optional, relative, e.g. prod/eu. Cannot change later.">
          {(control) => <input {...control} {...text('prefix')} />}
        </Field>
        {form.kind === 's3' && (
          <div className="form-row">
            <Field label="Region" hint="e.g. eu-west-1; optional.">
              {(control) => <input {...control} {...text('region')} />}
            </Field>
            <Field label="Endpoint" hint="For S3-compatible stores: http(s)://host[:port].">
              {(control) => <input {...control} {...text('endpoint')} type="url" />}
            </Field>
          </div>
        )}
        {(form.kind === 'azure' || form.kind === 'gcs') && (
          <Field
            label="Endpoint"
            hint={
              form.kind === 'azure'
                ? 'Blob service URL for sovereign clouds, private endpoints or emulators; blank: from the account.'
                : 'API endpoint for private endpoints or emulators; blank: Google. With one, the credential is optional.'
            }
          >
            {(control) => <input {...control} {...text('endpoint')} type="url" />}
          </Field>
        )}
        {form.kind === 's3' && (
          <CheckboxField
            label="Path-style addressing"
            hint="Address the bucket as a path, not a host name (most S3-compatible stores)."
            checked={form.forcePathStyle}
            onChange={(forcePathStyle) => change({ forcePathStyle })}
          />
        )}
      </fieldset>
      {credentialKind && (
        <Field
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
        >
          {(control) => (
            <select
              {...control}
              value={form.credentialId}
              required={form.kind === 'azure'}
              onChange={(event) => change({ credentialId: event.target.value })}
            >
              <option value="">{form.kind === 's3' ? "None: the agent's identity" : 'None'}</option>
              {matching.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Encryption key reference" hint="Optional: names the key that encrypts backup data.">
        {(control) => <input {...control} {...text('encryptionKeyRef')} />}
      </Field>
    </FormDialog>
  );
}
