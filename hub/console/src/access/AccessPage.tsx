import { useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { Page } from '../ui/Page.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { QueryView } from '../states/QueryView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { unreachable } from '../ui/unreachable.ts';
import {
  type AccessData,
  accessQuery,
  type ApiToken,
  deleteRoleBindingMutation,
  type RoleBinding,
  revokeApiTokenMutation,
} from './accessOperations.ts';
import { AccessSection } from './AccessSection.tsx';
import { apiTokenColumns, revocable } from './apiTokenColumns.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { confirmWords } from '../ui/confirmWords.ts';
import { CreateApiTokenDialog } from './CreateApiTokenDialog.tsx';
import { CreateRoleBindingDialog } from './CreateRoleBindingDialog.tsx';
import { RequireTenant } from '../ui/RequireTenant.tsx';
import { roleBindingColumns } from './roleBindingColumns.tsx';
import { userColumns } from './userColumns.tsx';

type Acting =
  | { kind: 'bind' }
  | { kind: 'token' }
  | { kind: 'unbind'; binding: RoleBinding }
  | { kind: 'revoke'; token: ApiToken };

/** Who may do what in a tenant: role bindings, API tokens, and the people who have signed in. Tenant admins. */
export function AccessPage() {
  const { tenantId, can, tenants } = useTenants();
  const isAdmin = tenantId !== null && can('admin', tenantId);
  const query = useQuery(accessQuery, { tenantId: tenantId ?? '' }, { skip: !isAdmin });
  const [acting, setActing] = useState<Acting | undefined>();
  const tenantName = tenants.find((t) => t.id === tenantId)?.name;

  return (
    <Page
      title="Access"
      description="Who may do what in the tenant: role bindings for users and groups, API tokens for automation."
    >
      <RequireTenant what="role bindings and API tokens">
        {() =>
          !isAdmin ? (
            <EmptyState title="Only tenant admins manage access">
              <p>
                Your role in {tenantName ?? 'this tenant'} does not let you see or change its role bindings and API
                tokens. Ask one of its admins.
              </p>
            </EmptyState>
          ) : (
            <QueryView query={query} loading="Loading role bindings and tokens" failed="Could not load who has access">
              {(data) => <AccessSections data={data} onAct={setActing} />}
            </QueryView>
          )
        }
      </RequireTenant>
      {tenantId && query.state.status === 'ready' && (
        <AccessDialogs tenantId={tenantId} data={query.state.data} acting={acting} onClose={() => setActing(undefined)} onChanged={query.reload} />
      )}
    </Page>
  );
}

function AccessSections({ data, onAct }: { data: AccessData; onAct: (acting: Acting) => void }) {
  const clusterNames = new Map(data.clusters.edges.map((e) => [e.node.id, e.node.name]));
  const users = data.users.edges.map((e) => e.node);
  const now = Date.now();
  return (
    <>
      <AccessSection
        title="Role bindings"
        intro="A role for a user or a group, in the whole tenant or narrowed to clusters and namespaces."
        list={data.roleBindings}
        create={{ label: 'New role binding', onClick: () => onAct({ kind: 'bind' }) }}
        columns={roleBindingColumns(users, clusterNames, now)}
        rowProps={(b) => ({ 'data-binding': `${b.subjectKind}:${b.subject}` })}
        actions={[
          {
            label: 'Revoke',
            danger: true,
            run: (binding) => onAct({ kind: 'unbind', binding }),
            name: (b) => `Revoke ${b.role} of ${b.subjectKind} ${b.subject}`,
          },
        ]}
      >
        <p>Only hub administrators can reach this tenant until someone is bound to a role.</p>
      </AccessSection>
      <AccessSection
        title="API tokens"
        intro="Tokens for automation, each holding one role. Their secret is shown once, when created."
        list={data.apiTokens}
        create={{ label: 'New API token', onClick: () => onAct({ kind: 'token' }) }}
        columns={apiTokenColumns(clusterNames, now)}
        rowProps={(t) => ({ 'data-token': t.name })}
        actions={[{ label: 'Revoke', danger: true, run: (token) => onAct({ kind: 'revoke', token }), offered: (t) => revocable(t, now) }]}
      >
        <p>Create one for a CI job or a script that calls the API.</p>
      </AccessSection>
      <AccessSection
        title="Users"
        intro="People who have signed in and whom this tenant's bindings reach, by subject or group."
        list={data.users}
        columns={userColumns(now)}
        rowProps={(u) => ({ 'data-user': u.subject })}
      >
        <p>People appear here once they have signed in and a binding reaches them.</p>
      </AccessSection>
    </>
  );
}

interface AccessDialogsProps {
  tenantId: string;
  data: AccessData;
  acting: Acting | undefined;
  onClose: () => void;
  onChanged: () => void;
}

function AccessDialogs({ tenantId, data, acting, onClose, onChanged }: AccessDialogsProps) {
  const clusters = data.clusters.edges.map((e) => e.node);
  if (!acting) return null;
  switch (acting.kind) {
    case 'bind':
      return (
        <CreateRoleBindingDialog
          tenantId={tenantId}
          clusters={clusters}
          users={data.users.edges.map((e) => e.node)}
          onClose={onClose}
          onCreated={onChanged}
        />
      );
    case 'token':
      return <CreateApiTokenDialog tenantId={tenantId} clusters={clusters} onClose={onClose} onCreated={onChanged} />;
    case 'unbind':
      return (
        <ConfirmDialog
          title={`Revoke ${acting.binding.role} of ${acting.binding.subjectKind} ${acting.binding.subject}?`}
          {...confirmWords('revoke', 'binding')}
          operation={deleteRoleBindingMutation}
          variables={{ id: acting.binding.id }}
          onDone={onChanged}
          onClose={onClose}
        >
          <p>It takes effect on the subject's next request. Other bindings of the subject stay.</p>
        </ConfirmDialog>
      );
    case 'revoke':
      return (
        <ConfirmDialog
          title={`Revoke API token ${acting.token.name}?`}
          {...confirmWords('revoke', 'token')}
          operation={revokeApiTokenMutation}
          variables={{ id: acting.token.id }}
          onDone={onChanged}
          onClose={onClose}
        >
          <p>The hub refuses it from the next request on. This cannot be undone.</p>
        </ConfirmDialog>
      );
    default:
      return unreachable(acting);
  }
}
