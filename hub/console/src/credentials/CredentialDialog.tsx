import { type FormEvent, useState } from 'react';
import { CheckboxField, Field } from '../ui/Field.tsx';
import { useMutation } from '../api/useMutation.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { Dialog } from '../ui/Dialog.tsx';
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const data = credential
      ? await update.run({ id: credential.id, input: updateCredentialInput(credential, form) })
      : await create.run({ input: createCredentialInput(tenantId, form) });
    if (data) {
      onSaved();
      onClose();
    }
  };

  return (
    <Dialog title={credential ? `Edit credential ${credential.name}` : 'New credential'} onClose={onClose}>
      <form className="form" onSubmit={submit} autoComplete="off">
        <Field label="Name" hint="Lowercase letters, digits and dashes, unique in the tenant, e.g. aws-prod.">
          {(control) => (
            <input
              {...control}
              required
              autoComplete="off"
              spellCheck={false}
              value={form.name}
              onChange={(event) => change({ name: event.target.value })}
            />
          )}
        </Field>
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
        {mutation.state.status === 'error' && (
          <ErrorState
            error={mutation.state.error}
            title={credential ? 'The hub did not save the credential' : 'The hub did not store the credential'}
            compact
          />
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={mutation.state.status === 'running'}>
            {mutation.state.status === 'running' ? 'Saving…' : credential ? 'Save credential' : 'Store credential'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
