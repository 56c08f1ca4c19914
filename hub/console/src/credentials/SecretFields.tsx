import { Field } from '../ui/Field.tsx';
import { unreachable } from '../ui/unreachable.ts';
import type { AzureSecretKind, CredentialForm } from './credentialForm.ts';
import { TextField } from '../ui/TextField.tsx';

export interface SecretFieldsProps {
  form: CredentialForm;
  change: (patch: Partial<CredentialForm>) => void;
}

const azureSecretLabels: Record<AzureSecretKind, string> = {
  accountKey: 'Account key',
  sasToken: 'SAS token',
  connectionString: 'Connection string',
};

/**
 * The secret block of a credential's kind. Secret inputs are password fields, start blank and ask browsers not
 * to fill or remember them; the hub stores them encrypted and never returns them.
 */
export function SecretFields({ form, change }: SecretFieldsProps) {
  switch (form.kind) {
    case 'aws':
      return (
        <>
          <div className="form-row">
            <TextField
              label="Access key ID"
              required
              value={form.accessKeyId}
              onChange={(value) => change({ accessKeyId: value })}
            />
            <Secret label="Secret access key" value={form.secretAccessKey} required onChange={(secretAccessKey) => change({ secretAccessKey })} />
          </div>
          <div className="form-row">
            <Secret
              label="Session token"
              hint="Only for temporary (STS) credentials."
              value={form.sessionToken}
              onChange={(sessionToken) => change({ sessionToken })}
            />
            <TextField
              label="Default region"
              hint="e.g. eu-west-1; optional."
              value={form.region}
              onChange={(value) => change({ region: value })}
            />
          </div>
        </>
      );
    case 'azure':
      return (
        <>
          <TextField
            label="Storage account"
            required
            value={form.accountName}
            onChange={(value) => change({ accountName: value })}
          />
          <div className="form-row">
            <Field label="Authenticate with">
              {(control) => (
                <select
                  {...control}
                  value={form.azureSecretKind}
                  onChange={(event) => change({ azureSecretKind: event.target.value as AzureSecretKind })}
                >
                  {Object.entries(azureSecretLabels).map(([kind, label]) => (
                    <option key={kind} value={kind}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Secret
              label={azureSecretLabels[form.azureSecretKind]}
              value={form.azureSecret}
              required
              onChange={(azureSecret) => change({ azureSecret })}
            />
          </div>
        </>
      );
    case 'gcp':
      return (
        <>
          <Secret
            label="Service-account key (JSON)"
            hint="Paste the key file's content, or load the file below; it needs client_email and private_key."
            value={form.serviceAccountJson}
            required
            onChange={(serviceAccountJson) => change({ serviceAccountJson })}
          />
          <Field label="Load the key file">
            {(control) => (
              <input
                {...control}
                type="file"
                accept="application/json,.json"
                onChange={async (event) => {
                  const file = event.target.files?.[0];
                  if (file) change({ serviceAccountJson: await file.text() });
                  event.target.value = '';
                }}
              />
            )}
          </Field>
        </>
      );
    default:
      return unreachable(form.kind);
  }
}

interface SecretProps {
  label: string;
  hint?: string;
  value: string;
  required?: boolean;
  onChange: (value: string) => void;
}

function Secret({ label, hint, value, required, onChange }: SecretProps) {
  return (
    <TextField
      label={label}
      hint={hint}
      type="password"
      required={required}
      autoComplete="new-password"
      value={value}
      onChange={(value) => onChange(value)}
    />
  );
}
