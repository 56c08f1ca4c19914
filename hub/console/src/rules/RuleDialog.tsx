import { useState } from 'react';
import { useMutation } from '../api/useMutation.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { NameField } from '../ui/NameField.tsx';
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

  const send = (): Promise<unknown> => {
    const spec = ruleSpecInputFromForm(form);
    const name = form.name.trim();
    return rule ? update.run({ id: rule.id, name, spec }) : create.run({ tenantId, name, spec });
  };

  return (
    <FormDialog
      title={rule ? `Edit rule ${rule.name}` : 'New rule'}
      state={mutation.state}
      send={send}
      onSaved={onSaved}
      onClose={onClose}
      failed={rule ? 'The hub did not save the rule' : 'The hub did not create the rule'}
      submit={rule ? 'Save rule' : 'Create rule'}
      busy="Saving…"
    >
      <p className="hint">
        Sub-rules run one after another, and so do the actions of each, through the Kubernetes exec API: before a
        backup to flush or freeze data, after it to thaw.
      </p>
      <NameField value={form.name} onChange={(name) => setForm((f) => ({ ...f, name }))} example="mysql-freeze" />
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
    </FormDialog>
  );
}
