import { CheckboxField, Field } from '../ui/Field.tsx';
import { editorWords } from '../ui/editorWords.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import type { SettingsFormProps } from '../ui/SettingsPage.tsx';
import { useSaveMutation } from '../ui/useSaveMutation.ts';
import { NameField } from '../ui/NameField.tsx';
import { type Credential, type CredentialKind, credentialKindLabels } from './Credential.ts';
import {
  createCredentialInput,
  type CredentialForm,
  credentialFormFor,
  emptyCredentialForm,
  updateCredentialInput,
} from './credentialForm.ts';
import { createCredentialMutation, updateCredentialMutation } from './credentialOperations.ts';
import { SecretFields } from './SecretFields.tsx';
import { useForm } from '../ui/useForm.ts';

/** Stores a cloud credential, or renames one and/or replaces its secret. Secrets go in, never come out. */
export function CredentialDialog({ tenantId, editing: credential, onClose, onSaved }: SettingsFormProps<Credential>) {
  const { create, update, state } = useSaveMutation(createCredentialMutation, updateCredentialMutation, Boolean(credential));
  const { form, change } = useForm<CredentialForm>(() => (credential ? credentialFormFor(credential) : emptyCredentialForm()));

  const send = (): Promise<unknown> =>
    credential
      ? update({ id: credential.id, input: updateCredentialInput(credential, form) })
      : create({ input: createCredentialInput(tenantId, form) });

  return (
    <FormDialog {...editorWords('credential', credential, { create: 'store' })} state={state} send={send} onSaved={onSaved} onClose={onClose} autoComplete="off">
      <NameField value={form.name} onChange={(name) => change({ name })} example="aws-prod" />
      {credential ? (
        <>
          <p>
            Kind: {credentialKindLabels[credential.kind]}. The stored secret is never shown; it stays as it is unless
            you replace it.
          </p>
          <CheckboxField
            label="Replace the secret"
            hint="Give the whole secret again; locations using this credential pick it up on their next job."
            checked={form.replaceSecret}
            onChange={(replaceSecret) => change({ replaceSecret })}
          />
        </>
      ) : (
        <Field label="Kind">
          {(control) => (
            <select {...control} value={form.kind} onChange={(event) => change({ kind: event.target.value as CredentialKind })}>
              {Object.entries(credentialKindLabels).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {form.replaceSecret && (
        <fieldset className="fieldset">
          <legend>Secret</legend>
          <p className="hint">Stored encrypted and write-only: nobody, you included, can read it back.</p>
          <SecretFields form={form} change={change} />
        </fieldset>
      )}
    </FormDialog>
  );
}
