import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { RequireTenant } from '../ui/RequireTenant.tsx';
import { useQuery } from '../api/useQuery.ts';
import { Page } from '../ui/Page.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { QueryView } from '../states/QueryView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { deleteSchedulePolicyMutation, policyPageSize, schedulePoliciesQuery } from './policyOperations.ts';
import { PolicyDialog } from './PolicyDialog.tsx';
import { PolicyTable } from './PolicyTable.tsx';
import type { SchedulePolicy } from './SchedulePolicy.ts';

type Editing = { kind: 'create' } | { kind: 'edit'; policy: SchedulePolicy } | { kind: 'delete'; policy: SchedulePolicy };

/** A tenant's schedule policies: list, create (from a preset or by kind), edit and delete. */
export function SchedulePoliciesPage() {
  const { tenantId, can } = useTenants();
  const query = useQuery(schedulePoliciesQuery, { tenantId: tenantId ?? '' }, { skip: !tenantId });
  const [editing, setEditing] = useState<Editing | undefined>();
  const canEdit = tenantId !== null && can('operator', tenantId);
  const createButton = canEdit ? (
    <button type="button" className="primary" onClick={() => setEditing({ kind: 'create' })}>
      New policy
    </button>
  ) : undefined;

  return (
    <Page
      title="Schedule policies"
      description="When backups run and how long they are kept. One policy serves any number of backup schedules."
      actions={createButton}
    >
      <RequireTenant what="schedule policies">
        {(tenant) => (
          <>
            <QueryView
              query={query}
              loading="Loading schedule policies"
              failed="Could not load the schedule policies"
              isEmpty={(data) => data.schedulePolicies.edges.length === 0}
              empty={
                <EmptyState title="No schedule policies yet" action={createButton}>
                  <p>A policy says when backups run (hourly, daily at 02:00, on Sundays, by cron) and how many to keep.</p>
                  {!canEdit && <p>Operators and admins of the tenant create them.</p>}
                </EmptyState>
              }
            >
              {(data) => (
                <>
                  <PolicyTable
                    policies={data.schedulePolicies.edges.map((e) => e.node)}
                    onEdit={canEdit ? (policy) => setEditing({ kind: 'edit', policy }) : undefined}
                    onDelete={canEdit ? (policy) => setEditing({ kind: 'delete', policy }) : undefined}
                  />
                  {data.schedulePolicies.totalCount > policyPageSize && (
                    <p className="hint">
                      Showing the first {policyPageSize} of {data.schedulePolicies.totalCount} policies, by name.
                    </p>
                  )}
                </>
              )}
            </QueryView>
            {editing?.kind === 'create' && (
              <PolicyDialog tenantId={tenant} onClose={() => setEditing(undefined)} onSaved={query.reload} />
            )}
            {editing?.kind === 'edit' && (
              <PolicyDialog
                tenantId={tenant}
                policy={editing.policy}
                onClose={() => setEditing(undefined)}
                onSaved={query.reload}
              />
            )}
            {editing?.kind === 'delete' && (
              <ConfirmDialog
                title={`Delete policy ${editing.policy.name}?`}
                confirm="Delete policy"
                failed="The hub did not delete the policy"
                operation={deleteSchedulePolicyMutation}
                variables={{ id: editing.policy.id }}
                onDone={query.reload}
                onClose={() => setEditing(undefined)}
              >
                <p>
                  The hub refuses while a backup schedule uses the policy; give those schedules another policy first.
                  Backups already taken are kept.
                </p>
              </ConfirmDialog>
            )}
          </>
        )}
      </RequireTenant>
    </Page>
  );
}
