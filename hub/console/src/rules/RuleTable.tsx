import { RelativeTime } from '../ui/RelativeTime.tsx';
import type { Rule } from './Rule.ts';
import { describeAction, describePods } from './ruleForm.ts';

export interface RuleTableProps {
  rules: readonly Rule[];
  onEdit?: (rule: Rule) => void;
  onDelete?: (rule: Rule) => void;
}

/** A tenant's rules: for each sub-rule, the pods it selects and the commands it runs there, in order. */
export function RuleTable({ rules, onEdit, onDelete }: RuleTableProps) {
  const now = Date.now();
  const actions = Boolean(onEdit || onDelete);
  return (
    <table className="table settings-table">
      <caption className="visually-hidden">Rules</caption>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">What it runs</th>
          <th scope="col">Changed</th>
          {actions && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          <tr key={rule.id} data-rule={rule.name}>
            <th scope="row" data-label="Rule">
              <span className="row-name">{rule.name}</span>
            </th>
            <td data-label="What it runs">
              <div className="cell-stack">
                {rule.spec.subRules.map((sub, i) => (
                  <div key={i}>
                    <span>{describePods(sub)}:</span>
                    <ol className="code-list">
                      {sub.actions.map((action, j) => {
                        const { run, how } = describeAction(action);
                        return (
                          <li key={j}>
                            <code>{run}</code> <span className="subtle">{how}</span>
                          </li>
                        );
                      })}
                    </ol>
                  </div>
                ))}
              </div>
            </td>
            <td data-label="Changed">
              <RelativeTime at={rule.updatedAt} now={now} />
            </td>
            {actions && (
              <td data-label="Actions">
                <div className="row-actions">
                  {onEdit && (
                    <button type="button" className="small" onClick={() => onEdit(rule)} aria-label={`Edit ${rule.name}`}>
                      Edit
                    </button>
                  )}
                  {onDelete && (
                    <button
                      type="button"
                      className="small danger"
                      onClick={() => onDelete(rule)}
                      aria-label={`Delete ${rule.name}`}
                    >
                      Delete
                    </button>
                  )}
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
