import { useId } from 'react';
import { useMutation } from '../api/useMutation.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { type BindingForm, bindingInputFromForm, emptyBindingForm } from './accessForms.ts';
import { createRoleBindingMutation, type User } from './accessOperations.ts';
import { Field } from '../ui/Field.tsx';
import { ScopeFields } from './ScopeFields.tsx';
import { useForm } from '../ui/useForm.ts';

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
  const { form, change } = useForm<BindingForm>(emptyBindingForm);
  const listId = useId();
  const kindName = useId();
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
        <div className="choice-group">
          <label>
            <input
              type="radio"
              name={kindName}
              checked={form.subjectKind === 'group'}
              onChange={() => change({ subjectKind: 'group' })}
            />
            A group
          </label>
          <label>
            <input
              type="radio"
              name={kindName}
              checked={form.subjectKind === 'user'}
              onChange={() => change({ subjectKind: 'user' })}
            />
            A user
          </label>
        </div>
        <Field
          label={form.subjectKind === 'group' ? 'Group' : 'User subject'}
          hint={
            form.subjectKind === 'group'
              ? "The group's name as the identity provider sends it in the groups claim."
              : "The user's OIDC subject (sub), not their email; people who have signed in are suggested."
          }
        >
          {(control) => (
            <>
              <input
                {...control}
                required
                list={listId}
                autoComplete="off"
                spellCheck={false}
                value={form.subject}
                onChange={(event) => change({ subject: event.target.value })}
              />
              <datalist id={listId}>
                {suggestions.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
      </fieldset>
      <ScopeFields form={form} change={change} clusters={clusters} />
      <p className="hint">It takes effect on the subject's next request.</p>
    </FormDialog>
  );
}
