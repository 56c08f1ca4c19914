import { useState } from 'react';
import { useMutation } from '../api/useMutation.ts';
import { CheckboxField, Field } from '../ui/Field.tsx';
import { FormDialog } from '../ui/FormDialog.tsx';
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

export interface CredentialDialogProps {
  tenantId: string;
  /** The credential to rename or give a new secret; none to create one. */
  credential?: Credential;
  onClose: () => void;
  onSaved: () => void;
}

/** Stores a cloud credential, or renames one and/or replaces its secret. Secrets go in, never come out. */
export function CredentialDialog({ tenantId, credential, onClose, onSaved }: CredentialDialogProps) {
  const create = useMutation(createCredentialMutation);
  const update = useMutation(updateCredentialMutation);
  const mutation = credential ? update : create;
  const [form, setForm] = useState<CredentialForm>(() => (credential ? credentialFormFor(credential) : emptyCredentialForm()));
  const change = (patch: Partial<CredentialForm>) => setForm((f) => ({ ...f, ...patch }));

  const send = (): Promise<unknown> =>
    credential
      ? update.run({ id: credential.id, input: updateCredentialInput(credential, form) })
      : create.run({ input: createCredentialInput(tenantId, form) });

  return (
    <FormDialog
      title={credential ? `Edit credential ${credential.name}` : 'New credential'}
      state={mutation.state}
      send={send}
      onSaved={onSaved}
      onClose={onClose}
      failed={credential ? 'The hub did not save the credential' : 'The hub did not store the credential'}
      submit={credential ? 'Save credential' : 'Store credential'}
      busy="Saving…"
      autoComplete="off"
    >
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
