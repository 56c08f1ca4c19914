import { editorWords } from '../ui/editorWords.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import type { SettingsFormProps } from '../ui/SettingsPage.tsx';
import { useForm } from '../ui/useForm.ts';
import { useSaveMutation } from '../ui/useSaveMutation.ts';
import { NameField } from '../ui/NameField.tsx';
import type { Rule } from './Rule.ts';
import { createRuleMutation, updateRuleMutation } from './ruleOperations.ts';
import { emptyRuleForm, emptySubRuleForm, type RuleForm, ruleFormFromRule, ruleSpecInputFromForm } from './ruleForm.ts';
import { maxItems, SubRuleFields } from './SubRuleFields.tsx';

/** Creates or edits a rule: its sub-rules (pods) and their actions (commands), each in order. */
export function RuleDialog({ tenantId, editing: rule, onClose, onSaved }: SettingsFormProps<Rule>) {
  const { create, update, state } = useSaveMutation(createRuleMutation, updateRuleMutation, Boolean(rule));
  const { form, change, text } = useForm<RuleForm>(() => (rule ? ruleFormFromRule(rule) : emptyRuleForm()));
  const setSubRules = (subRules: RuleForm['subRules']) => change({ subRules });

  const send = (): Promise<unknown> => {
    const spec = ruleSpecInputFromForm(form);
    const name = form.name.trim();
    return rule ? update({ id: rule.id, input: { name, spec } }) : create({ input: { tenantId, name, spec } });
  };

  return (
    <FormDialog {...editorWords('rule', rule)} state={state} send={send} onSaved={onSaved} onClose={onClose}>
      <p className="hint">
        Sub-rules run one after another, and so do the actions of each, through the Kubernetes exec API: before a
        backup to flush or freeze data, after it to thaw.
      </p>
      <NameField {...text('name')} example="mysql-freeze" />
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
