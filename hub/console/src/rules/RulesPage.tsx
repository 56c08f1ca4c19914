import { changedColumn } from '../ui/changedColumn.tsx';
import { SettingsPage } from '../ui/SettingsPage.tsx';
import type { Rule } from './Rule.ts';
import { RuleDialog } from './RuleDialog.tsx';
import { describeAction, describePods } from './ruleForm.ts';
import { deleteRuleMutation, ruleList } from './ruleOperations.ts';

/** A tenant's pre- and post-backup rules: list, create, edit, delete. */
export function RulesPage() {
  return (
    <SettingsPage
      title="Rules"
      noun="rule"
      description="Commands run in pods before or after a backup, so the data on disk is consistent (flush, freeze, dump)."
      list={ruleList}
      empty={<p>A backup schedule can run a rule before each backup and another after it.</p>}
      form={{ role: 'operator', editor: RuleDialog }}
      columns={[{ header: 'What it runs', cell: (rule) => <WhatItRuns rule={rule} /> }, changedColumn]}
      remove={{
        role: 'operator',
        operation: deleteRuleMutation,
        explain: <p>The hub refuses while a backup schedule runs the rule; change those schedules first.</p>,
      }}
    />
  );
}

/** For each sub-rule, the pods it selects and the commands it runs there, in order. */
function WhatItRuns({ rule }: { rule: Rule }) {
  return (
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
  );
}
