import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import type { FormBinding } from '../../ui/bindForm.ts';
import type { CredentialKindView } from '../CredentialKindView.ts';
import { SecretInput } from '../SecretInput.tsx';

/** Which one of its three secrets an Azure credential carries. */
type AzureSecretKind = 'accountKey' | 'sasToken' | 'connectionString';

const azureSecretLabels: Record<AzureSecretKind, string> = {
  accountKey: 'Account key',
  sasToken: 'SAS token',
  connectionString: 'Connection string',
};

interface AzureSecret {
  accountName: string;
  secretKind: AzureSecretKind;
  secret: string;
}

function AzureFields({ bind: { form, change, text } }: { bind: FormBinding<AzureSecret> }) {
  return (
    <>
      <TextField label="Storage account" required {...text('accountName')} />
      <div className="form-row">
        <SelectField
          label="Authenticate with"
          options={azureSecretLabels}
          value={form.secretKind}
          onChange={(secretKind) => change({ secretKind })}
        />
        <SecretInput label={azureSecretLabels[form.secretKind]} required {...text('secret')} />
      </div>
    </>
  );
}

/** A storage account with one of its account key, a SAS token or a connection string. */
export const azure: CredentialKindView<
  AzureSecret,
  { accountName: string; accountKey?: string; sasToken?: string; connectionString?: string }
> = {
  label: 'Azure Blob storage',
  blank: { accountName: '', secretKind: 'accountKey', secret: '' },
  shown: (credential) => ({ accountName: credential.accountName ?? '' }),
  Fields: AzureFields,
  input: (secret) => ({ accountName: secret.accountName.trim(), [secret.secretKind]: secret.secret.trim() }),
};
