import { useState } from 'react';
import { useMutation } from '../api/useMutation.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { DialogActions } from '../ui/DialogActions.tsx';
import { editorWords } from '../ui/editorWords.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { emptyTokenForm, type TokenForm, tokenInputFromForm } from './accessForms.ts';
import { createApiTokenMutation } from './accessOperations.ts';
import { ScopeFields } from './ScopeFields.tsx';
import { TextField } from '../ui/TextField.tsx';
import { useForm } from '../ui/useForm.ts';

export interface CreateApiTokenDialogProps {
  tenantId: string;
  clusters: readonly { id: string; name: string }[];
  onClose: () => void;
  onCreated: () => void;
}

/** Creates an API token, then shows its secret this once, with a copy button and a clear note. */
export function CreateApiTokenDialog({ tenantId, clusters, onClose, onCreated }: CreateApiTokenDialogProps) {
  const mutation = useMutation(createApiTokenMutation);
  const bind = useForm<TokenForm>(emptyTokenForm);
  const { form, text } = bind;
  const [created, setCreated] = useState<{ name: string; token: string } | undefined>();

  if (created) {
    return (
      <Dialog title={`API token ${created.name} is ready`} onClose={onClose}>
        <div className="token-once" role="note">
          <strong>Copy the token now: it is shown only this once.</strong> The hub keeps only a hash of it; if it is
          lost, revoke it and create another.
        </div>
        <div className="secret">
          <code data-testid="api-token">{created.token}</code>
          <CopyButton text={created.token} label="Copy token" />
        </div>
        <p className="hint">
          Send it as <code>Authorization: Bearer …</code>, or paste it on the console's sign-in page.
        </p>
        <DialogActions close="Done" onClose={onClose} primary />
      </Dialog>
    );
  }

  return (
    <FormDialog
      {...editorWords('token', undefined, { newTitle: 'New API token' })}
      state={mutation.state}
      send={() => mutation.run({ input: tokenInputFromForm(tenantId, form) })}
      onSaved={(data) => {
        setCreated({ name: data.createApiToken.apiToken.name, token: data.createApiToken.token });
        onCreated();
      }}
      onClose={onClose}
      closeWhenSaved={false}
    >
      <div className="form-row">
        <TextField label="Name" hint="What uses it, e.g. ci-nightly; 1 to 100 characters." required maxLength={100} {...text('name')} />
        <TextField label="Expires in (days)" hint="1 to 3650; blank: never." type="number" min={1} max={3650} {...text('expiresInDays')} />
      </div>
      <ScopeFields bind={bind} clusters={clusters} />
    </FormDialog>
  );
}
