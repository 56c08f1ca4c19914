import { useMutation } from '../api/useMutation.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { type BindingForm, bindingInputFromForm, emptyBindingForm } from './accessForms.ts';
import { createRoleBindingMutation, type User } from './accessOperations.ts';
import { RadioChoices } from '../ui/RadioChoices.tsx';
import { TextField } from '../ui/TextField.tsx';
import { ScopeFields } from './ScopeFields.tsx';
import { useForm } from '../ui/useForm.ts';

const subjectKindLabels: Record<BindingForm['subjectKind'], string> = { group: 'A group', user: 'A user' };

export interface CreateRoleBindingDialogProps {
  tenantId: string;
  clusters: readonly { id: string; name: string }[];
  /** People who have signed in, to suggest their subjects and groups. */
  users: readonly User[];
  onClose: () => void;
  onCreated: () => void;
}

/** Grants a role in the tenant to a user (by OIDC subject) or a group, optionally narrowed. */
export function CreateRoleBindingDialog({ tenantId, clusters, users, onClose, onCreated }: CreateRoleBindingDialogProps) {
  const mutation = useMutation(createRoleBindingMutation);
  const bind = useForm<BindingForm>(emptyBindingForm);
  const { form, change } = bind;
  const suggestions =
    form.subjectKind === 'user'
      ? users.map((u) => ({ value: u.subject, label: u.email ?? u.subject }))
      : [...new Set(users.flatMap((u) => u.groups))].sort().map((g) => ({ value: g, label: g }));

  return (
    <FormDialog
      title="New role binding"
      state={mutation.state}
      send={() => mutation.run({ input: bindingInputFromForm(tenantId, form) })}
      onSaved={onCreated}
      onClose={onClose}
      failed="The hub did not create the binding"
      submit="Grant role"
      busy="Granting…"
    >
      <fieldset className="fieldset">
        <legend>Who</legend>
        <RadioChoices label="Subject kind" options={subjectKindLabels} value={form.subjectKind} onChange={(subjectKind) => change({ subjectKind })} />
        <TextField
          label={form.subjectKind === 'group' ? 'Group' : 'User subject'}
          hint={
            form.subjectKind === 'group'
              ? "The group's name as the identity provider sends it in the groups claim."
              : "The user's OIDC subject (sub), not their email; people who have signed in are suggested."
          }
          required
          suggestions={suggestions}
          {...bind.text('subject')}
        />
      </fieldset>
      <ScopeFields bind={bind} clusters={clusters} />
      <p className="hint">It takes effect on the subject's next request.</p>
    </FormDialog>
  );
}
