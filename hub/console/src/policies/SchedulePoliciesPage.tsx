import { changedColumn } from '../ui/changedColumn.tsx';
import { SettingsPage } from '../ui/SettingsPage.tsx';
import { describeRetention, describeSchedule } from './describeSchedule.ts';
import { deleteSchedulePolicyMutation, policyList } from './policyOperations.ts';
import { PolicyDialog } from './PolicyDialog.tsx';

/** A tenant's schedule policies: list, create (from a preset or by kind), edit and delete. */
export function SchedulePoliciesPage() {
  return (
    <SettingsPage
      title="Schedule policies"
      noun="policy"
      description="When backups run and how long they are kept. One policy serves any number of backup schedules."
      list={policyList}
      empty={<p>A policy says when backups run (hourly, daily at 02:00, on Sundays, by cron) and how many to keep.</p>}
      form={{ role: 'operator', editor: PolicyDialog }}
      columns={[
        { header: 'When', cell: (policy) => describeSchedule(policy.spec) },
        { header: 'Retention', cell: (policy) => describeRetention(policy.spec) },
        changedColumn,
      ]}
      remove={{
        role: 'operator',
        operation: deleteSchedulePolicyMutation,
        explain: (
          <p>
            The hub refuses while a backup schedule uses the policy; give those schedules another policy first. Backups
            already taken are kept.
          </p>
        ),
      }}
    />
  );
}
