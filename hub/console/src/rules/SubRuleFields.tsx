import { bindForm } from '../ui/bindForm.ts';
import { LinesField } from '../ui/LinesField.tsx';
import { TextField } from '../ui/TextField.tsx';
import { ActionFields } from './ActionFields.tsx';
import { type ActionForm, emptyActionForm, type SubRuleForm } from './ruleForm.ts';

/** The most actions (and sub-rules) the hub accepts. */
export const maxItems = 20;

export interface SubRuleFieldsProps {
  /** 0-based. */
  index: number;
  subRule: SubRuleForm;
  change: (subRule: SubRuleForm) => void;
  /** Absent for the last sub-rule left (a rule needs one). */
  onRemove?: () => void;
}

/** One sub-rule: the pods it selects and its actions, run in order, with add and remove. */
export function SubRuleFields({ index, subRule, change, onRemove }: SubRuleFieldsProps) {
  const legend = `Sub-rule ${index + 1}`;
  const { text } = bindForm(subRule, (patch) => change({ ...subRule, ...patch }));
  const setAction = (i: number, patch: Partial<ActionForm>) =>
    change({ ...subRule, actions: subRule.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <LinesField
        label="Pod selectors"
        hint={
          <>
            One label selector per line, e.g. <code>app=mysql</code>; a pod matching any is selected.
          </>
        }
        rows={2}
        required
        {...text('podSelectors')}
      />
      <TextField label="Namespaces" hint="Names or * patterns, comma-separated; blank: the namespaces the backup takes." {...text('namespaces')} />
      {subRule.actions.map((action, i) => (
        <ActionFields
          key={i}
          legend={`Action ${i + 1}`}
          action={action}
          change={(patch) => setAction(i, patch)}
          onRemove={
            subRule.actions.length > 1
              ? () => change({ ...subRule, actions: subRule.actions.filter((_, j) => j !== i) })
              : undefined
          }
        />
      ))}
      <div className="fieldset-actions">
        <button
          type="button"
          className="small"
          disabled={subRule.actions.length >= maxItems}
          onClick={() => change({ ...subRule, actions: [...subRule.actions, emptyActionForm()] })}
        >
          Add an action to {legend.toLowerCase()}
        </button>
        {onRemove && (
          <button type="button" className="small danger" onClick={onRemove}>
            Remove {legend.toLowerCase()}
          </button>
        )}
      </div>
    </fieldset>
  );
}
