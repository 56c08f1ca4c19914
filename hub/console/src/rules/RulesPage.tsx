import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { RequireTenant } from '../ui/RequireTenant.tsx';
import { useQuery } from '../api/useQuery.ts';
import { Page } from '../ui/Page.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { QueryView } from '../states/QueryView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import type { Rule } from './Rule.ts';
import { RuleDialog } from './RuleDialog.tsx';
import { deleteRuleMutation, rulePageSize, rulesQuery } from './ruleOperations.ts';
import { RuleTable } from './RuleTable.tsx';

type Editing = { kind: 'create' } | { kind: 'edit'; rule: Rule } | { kind: 'delete'; rule: Rule };

/** A tenant's pre- and post-backup rules: list, create, edit, delete. */
export function RulesPage() {
  const { tenantId, can } = useTenants();
  const query = useQuery(rulesQuery, { tenantId: tenantId ?? '' }, { skip: !tenantId });
  const [editing, setEditing] = useState<Editing | undefined>();
  const canEdit = tenantId !== null && can('operator', tenantId);
  const createButton = canEdit ? (
    <button type="button" className="primary" onClick={() => setEditing({ kind: 'create' })}>
      New rule
    </button>
  ) : undefined;

  return (
    <Page
      title="Rules"
      description="Commands run in pods before or after a backup, so the data on disk is consistent (flush, freeze, dump)."
      actions={createButton}
    >
      <RequireTenant what="rules">
        {(tenant) => (
          <>
            <QueryView
              query={query}
              loading="Loading rules"
              failed="Could not load the rules"
              isEmpty={(data) => data.rules.edges.length === 0}
              empty={
                <EmptyState title="No rules yet" action={createButton}>
                  <p>A backup schedule can run a rule before each backup and another after it.</p>
                  {!canEdit && <p>Operators and admins of the tenant create them.</p>}
                </EmptyState>
              }
            >
              {(data) => (
                <>
                  <RuleTable
                    rules={data.rules.edges.map((e) => e.node)}
                    onEdit={canEdit ? (rule) => setEditing({ kind: 'edit', rule }) : undefined}
                    onDelete={canEdit ? (rule) => setEditing({ kind: 'delete', rule }) : undefined}
                  />
                  {data.rules.totalCount > rulePageSize && (
                    <p className="hint">
                      Showing the first {rulePageSize} of {data.rules.totalCount} rules, by name.
                    </p>
                  )}
                </>
              )}
            </QueryView>
            {editing?.kind === 'create' && (
              <RuleDialog tenantId={tenant} onClose={() => setEditing(undefined)} onSaved={query.reload} />
            )}
            {editing?.kind === 'edit' && (
              <RuleDialog tenantId={tenant} rule={editing.rule} onClose={() => setEditing(undefined)} onSaved={query.reload} />
            )}
            {editing?.kind === 'delete' && (
              <ConfirmDialog
                title={`Delete rule ${editing.rule.name}?`}
                confirm="Delete rule"
                failed="The hub did not delete the rule"
                operation={deleteRuleMutation}
                variables={{ id: editing.rule.id }}
                onDone={query.reload}
                onClose={() => setEditing(undefined)}
              >
                <p>The hub refuses while a backup schedule runs the rule; change those schedules first.</p>
              </ConfirmDialog>
            )}
          </>
        )}
      </RequireTenant>
    </Page>
  );
}
