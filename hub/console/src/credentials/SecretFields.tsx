import type { FormBinding } from '../ui/bindForm.ts';
import { Field } from '../ui/Field.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { TextField, type TextFieldProps } from '../ui/TextField.tsx';
import { unreachable } from '../ui/unreachable.ts';
import type { AzureSecretKind, CredentialForm } from './credentialForm.ts';

const azureSecretLabels: Record<AzureSecretKind, string> = {
  accountKey: 'Account key',
  sasToken: 'SAS token',
  connectionString: 'Connection string',
};

/**
 * The secret block of a credential's kind. Secret inputs are password fields, start blank and ask browsers not
 * to fill or remember them; the hub stores them encrypted and never returns them.
 */
export function SecretFields({ bind }: { bind: FormBinding<CredentialForm> }) {
  const { form, change, text } = bind;
  switch (form.kind) {
    case 'aws':
      return (
        <>
          <div className="form-row">
            <TextField label="Access key ID" required {...text('accessKeyId')} />
            <Secret label="Secret access key" required {...text('secretAccessKey')} />
          </div>
          <div className="form-row">
            <Secret label="Session token" hint="Only for temporary (STS) credentials." {...text('sessionToken')} />
            <TextField label="Default region" hint="e.g. eu-west-1; optional." {...text('region')} />
          </div>
        </>
      );
    case 'azure':
      return (
        <>
          <TextField label="Storage account" required {...text('accountName')} />
          <div className="form-row">
            <SelectField
              label="Authenticate with"
              options={azureSecretLabels}
              value={form.azureSecretKind}
              onChange={(azureSecretKind) => change({ azureSecretKind })}
            />
            <Secret label={azureSecretLabels[form.azureSecretKind]} required {...text('azureSecret')} />
          </div>
        </>
      );
    case 'gcp':
      return (
        <>
          <Secret
            label="Service-account key (JSON)"
            hint="Paste the key file's content, or load the file below; it needs client_email and private_key."
            required
            {...text('serviceAccountJson')}
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

/** A write-only secret: a password input browsers neither fill nor remember. */
function Secret(props: TextFieldProps) {
  return <TextField {...props} type="password" autoComplete="new-password" />;
}
