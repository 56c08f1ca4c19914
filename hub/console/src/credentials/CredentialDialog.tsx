import { CheckboxField } from '../ui/Field.tsx';
import { editorWords } from '../ui/editorWords.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { NameField } from '../ui/NameField.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import type { SettingsFormProps } from '../ui/SettingsPage.tsx';
import { useForm } from '../ui/useForm.ts';
import { useSaveMutation } from '../ui/useSaveMutation.ts';
import type { Credential } from './Credential.ts';
import { credentialKindLabels } from './kinds/credentialKinds.ts';
import {
  createCredentialInput,
  type CredentialForm,
  credentialFormFor,
  emptyCredentialForm,
  updateCredentialInput,
} from './credentialForm.ts';
import { createCredentialMutation, updateCredentialMutation } from './credentialOperations.ts';
import { SecretFields } from './SecretFields.tsx';

/** Stores a cloud credential, or renames one and/or replaces its secret. Secrets go in, never come out. */
export function CredentialDialog({ tenantId, editing: credential, onClose, onSaved }: SettingsFormProps<Credential>) {
  const { create, update, state } = useSaveMutation(createCredentialMutation, updateCredentialMutation, Boolean(credential));
  const bind = useForm<CredentialForm>(() => (credential ? credentialFormFor(credential) : emptyCredentialForm()));
  const { form, change } = bind;

  const send = (): Promise<unknown> =>
    credential
      ? update({ id: credential.id, input: updateCredentialInput(credential, form) })
      : create({ input: createCredentialInput(tenantId, form) });

  return (
    <FormDialog {...editorWords('credential', credential, { create: 'store' })} state={state} send={send} onSaved={onSaved} onClose={onClose} autoComplete="off">
      <NameField {...bind.text('name')} example="aws-prod" />
      {credential ? (
        <>
          <p>
            Kind: {credentialKindLabels[credential.kind]}. The stored secret is never shown; it stays as it is unless
            you replace it.
          </p>
          <CheckboxField
            label="Replace the secret"
            hint="Give the whole secret again; locations using this credential pick it up on their next job."
            {...bind.check('replaceSecret')}
          />
        </>
      ) : (
        <SelectField label="Kind" options={credentialKindLabels} value={form.kind} onChange={(kind) => change({ kind })} />
      )}
      {form.replaceSecret && (
        <fieldset className="fieldset">
          <legend>Secret</legend>
          <p className="hint">Stored encrypted and write-only: nobody, you included, can read it back.</p>
          <SecretFields bind={bind} />
        </fieldset>
      )}
    </FormDialog>
  );
}
