import { RelativeTime } from '../ui/RelativeTime.tsx';
import { SettingsPage } from '../ui/SettingsPage.tsx';
import { describeRetention, describeSchedule } from './describeSchedule.ts';
import { deleteSchedulePolicyMutation, policyPageSize, schedulePoliciesQuery } from './policyOperations.ts';
import { PolicyDialog } from './PolicyDialog.tsx';

/** A tenant's schedule policies: list, create (from a preset or by kind), edit and delete. */
export function SchedulePoliciesPage() {
  return (
    <SettingsPage
      title="Schedule policies"
      description="When backups run and how long they are kept. One policy serves any number of backup schedules."
      query={schedulePoliciesQuery}
      list={(data) => data.schedulePolicies}
      pageSize={policyPageSize}
      empty={{
        text: <p>A policy says when backups run (hourly, daily at 02:00, on Sundays, by cron) and how many to keep.</p>,
        others: 'Operators and admins of the tenant create them.',
      }}
      form={{ label: 'New policy', role: 'operator', editor: PolicyDialog }}
      columns={[
        { header: 'Policy', cell: (policy) => <span className="row-name">{policy.name}</span> },
        { header: 'When', cell: (policy) => describeSchedule(policy.spec) },
        { header: 'Retention', cell: (policy) => describeRetention(policy.spec) },
        { header: 'Changed', cell: (policy) => <RelativeTime at={policy.updatedAt} now={Date.now()} /> },
      ]}
      rowProps={(policy) => ({ 'data-policy': policy.name })}
      remove={{
        noun: 'policy',
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
