import { type FormEvent, useState } from 'react';
import { Field } from '../ui/Field.tsx';
import { useMutation } from '../api/useMutation.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import type { Rule } from './Rule.ts';
import { createRuleMutation, updateRuleMutation } from './ruleOperations.ts';
import { emptyRuleForm, emptySubRuleForm, type RuleForm, ruleFormFromRule, ruleSpecInputFromForm } from './ruleForm.ts';
import { maxItems, SubRuleFields } from './SubRuleFields.tsx';

export interface RuleDialogProps {
  tenantId: string;
  /** The rule to edit; none to create one. */
  rule?: Rule;
  onClose: () => void;
  onSaved: () => void;
}

/** Creates or edits a rule: its sub-rules (pods) and their actions (commands), each in order. */
export function RuleDialog({ tenantId, rule, onClose, onSaved }: RuleDialogProps) {
  const create = useMutation(createRuleMutation);
  const update = useMutation(updateRuleMutation);
  const mutation = rule ? update : create;
  const [form, setForm] = useState<RuleForm>(() => (rule ? ruleFormFromRule(rule) : emptyRuleForm()));
  const setSubRules = (subRules: RuleForm['subRules']) => setForm((f) => ({ ...f, subRules }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const spec = ruleSpecInputFromForm(form);
    const name = form.name.trim();
    const data = rule ? await update.run({ id: rule.id, name, spec }) : await create.run({ tenantId, name, spec });
    if (data) {
      onSaved();
      onClose();
    }
  };

  return (
    <Dialog title={rule ? `Edit rule ${rule.name}` : 'New rule'} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <p className="hint">
          Sub-rules run one after another, and so do the actions of each, through the Kubernetes exec API: before a
          backup to flush or freeze data, after it to thaw.
        </p>
        <Field label="Name" hint="Lowercase letters, digits and dashes, unique in the tenant, e.g. mysql-freeze.">
          {(control) => (
            <input
              {...control}
              required
              autoComplete="off"
              spellCheck={false}
              value={form.name}
              onChange={(event) => setForm((f) => ({ ...f, name: event.target.value }))}
            />
          )}
        </Field>
        {form.subRules.map((subRule, i) => (
          <SubRuleFields
            key={i}
            index={i}
            subRule={subRule}
            change={(next) => setSubRules(form.subRules.map((s, j) => (j === i ? next : s)))}
            onRemove={form.subRules.length > 1 ? () => setSubRules(form.subRules.filter((_, j) => j !== i)) : undefined}
          />
        ))}
        <div>
          <button
            type="button"
            disabled={form.subRules.length >= maxItems}
            onClick={() => setSubRules([...form.subRules, emptySubRuleForm()])}
          >
            Add a sub-rule
          </button>
        </div>
        {rule && <p className="hint">Schedules using this rule follow the change from their next backup.</p>}
        {mutation.state.status === 'error' && (
          <ErrorState
            error={mutation.state.error}
            title={rule ? 'The hub did not save the rule' : 'The hub did not create the rule'}
            compact
          />
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={mutation.state.status === 'running'}>
            {mutation.state.status === 'running' ? 'Saving…' : rule ? 'Save rule' : 'Create rule'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
