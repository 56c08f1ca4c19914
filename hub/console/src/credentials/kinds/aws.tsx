import { TextField } from '../../ui/TextField.tsx';
import type { FormBinding } from '../../ui/bindForm.ts';
import type { CredentialKindView } from '../CredentialKindView.ts';
import { SecretInput } from '../SecretInput.tsx';
import { optionalText } from '../../ui/optionalText.ts';

interface AwsSecret {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  region: string;
}

function AwsFields({ bind: { text } }: { bind: FormBinding<AwsSecret> }) {
  return (
    <>
      <div className="form-row">
        <TextField label="Access key ID" required {...text('accessKeyId')} />
        <SecretInput label="Secret access key" required {...text('secretAccessKey')} />
      </div>
      <div className="form-row">
        <SecretInput label="Session token" hint="Only for temporary (STS) credentials." {...text('sessionToken')} />
        <TextField label="Default region" hint="e.g. eu-west-1; optional." {...text('region')} />
      </div>
    </>
  );
}

/** An access key pair for S3 and S3-compatible stores, with its default region. */
export const aws: CredentialKindView<AwsSecret, { accessKeyId: string; secretAccessKey: string; sessionToken?: string; region?: string }> = {
  label: 'AWS / S3-compatible',
  blank: { accessKeyId: '', secretAccessKey: '', sessionToken: '', region: '' },
  shown: (credential) => ({ region: credential.region ?? '' }),
  Fields: AwsFields,
  input: (secret) => ({
    accessKeyId: secret.accessKeyId.trim(),
    secretAccessKey: secret.secretAccessKey.trim(),
    ...optionalText('sessionToken', secret.sessionToken),
    ...optionalText('region', secret.region),
  }),
};
