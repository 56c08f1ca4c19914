import { Field } from '../../ui/Field.tsx';
import type { FormBinding } from '../../ui/bindForm.ts';
import type { CredentialKindView } from '../CredentialKindView.ts';
import { SecretInput } from '../SecretInput.tsx';

interface GcpSecret {
  serviceAccountJson: string;
}

function GcpFields({ bind: { change, text } }: { bind: FormBinding<GcpSecret> }) {
  return (
    <>
      <SecretInput
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
}

/** A Google service-account key, given whole as its JSON file. */
export const gcp: CredentialKindView<GcpSecret, { serviceAccountJson: string }> = {
  label: 'Google Cloud Storage',
  blank: { serviceAccountJson: '' },
  shown: () => ({}),
  Fields: GcpFields,
  input: (secret) => ({ serviceAccountJson: secret.serviceAccountJson }),
};
