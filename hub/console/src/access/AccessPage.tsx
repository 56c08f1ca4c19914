import { type ReactNode, useId, useState } from 'react';
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
import { ApiTokenTable } from './ApiTokenTable.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { CreateApiTokenDialog } from './CreateApiTokenDialog.tsx';
import { CreateRoleBindingDialog } from './CreateRoleBindingDialog.tsx';
import { RequireTenant } from '../ui/RequireTenant.tsx';
import { RoleBindingTable } from './RoleBindingTable.tsx';
import { UserTable } from './UserTable.tsx';

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
  const more = (shown: number, total: number, what: string) =>
    total > shown ? <p className="hint">Showing the first {shown} of {total} {what}.</p> : null;
  return (
    <>
      <Section
        title="Role bindings"
        intro="A role for a user or a group, in the whole tenant or narrowed to clusters and namespaces."
        action={
          <button type="button" className="primary" onClick={() => onAct({ kind: 'bind' })}>
            New role binding
          </button>
        }
      >
        {data.roleBindings.edges.length === 0 ? (
          <EmptyState title="No role bindings yet">
            <p>Only hub administrators can reach this tenant until someone is bound to a role.</p>
          </EmptyState>
        ) : (
          <RoleBindingTable
            bindings={data.roleBindings.edges.map((e) => e.node)}
            users={users}
            clusterNames={clusterNames}
            onRevoke={(binding) => onAct({ kind: 'unbind', binding })}
          />
        )}
        {more(data.roleBindings.edges.length, data.roleBindings.totalCount, 'bindings')}
      </Section>
      <Section
        title="API tokens"
        intro="Tokens for automation, each holding one role. Their secret is shown once, when created."
        action={
          <button type="button" className="primary" onClick={() => onAct({ kind: 'token' })}>
            New API token
          </button>
        }
      >
        {data.apiTokens.edges.length === 0 ? (
          <EmptyState title="No API tokens yet">
            <p>Create one for a CI job or a script that calls the API.</p>
          </EmptyState>
        ) : (
          <ApiTokenTable
            tokens={data.apiTokens.edges.map((e) => e.node)}
            clusterNames={clusterNames}
            onRevoke={(token) => onAct({ kind: 'revoke', token })}
          />
        )}
        {more(data.apiTokens.edges.length, data.apiTokens.totalCount, 'tokens')}
      </Section>
      <Section title="Users" intro="People who have signed in and whom this tenant's bindings reach, by subject or group.">
        {users.length === 0 ? (
          <EmptyState title="No users yet">
            <p>People appear here once they have signed in and a binding reaches them.</p>
          </EmptyState>
        ) : (
          <UserTable users={users} />
        )}
        {more(users.length, data.users.totalCount, 'users')}
      </Section>
    </>
  );
}

function Section({ title, intro, action, children }: { title: string; intro: string; action?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="section" aria-labelledby={id}>
      <div className="section-header">
        <div>
          <h2 id={id}>{title}</h2>
          <p>{intro}</p>
        </div>
        {action}
      </div>
      {children}
    </section>
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
          confirm="Revoke binding"
          failed="The hub did not revoke the binding"
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
          confirm="Revoke token"
          failed="The hub did not revoke the token"
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
