import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { RequireTenant } from '../ui/RequireTenant.tsx';
import { useQuery } from '../api/useQuery.ts';
import { Page } from '../ui/Page.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { QueryView } from '../states/QueryView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import type { Credential } from './Credential.ts';
import { CredentialDialog } from './CredentialDialog.tsx';
import { credentialPageSize, credentialsQuery, deleteCredentialMutation } from './credentialOperations.ts';
import { CredentialTable } from './CredentialTable.tsx';

type Editing = { kind: 'create' } | { kind: 'edit'; credential: Credential } | { kind: 'delete'; credential: Credential };

/** A tenant's cloud credentials: list (no secrets), store, rename or replace the secret, delete. */
export function CredentialsPage() {
  const { tenantId, can } = useTenants();
  const query = useQuery(credentialsQuery, { tenantId: tenantId ?? '' }, { skip: !tenantId });
  const [editing, setEditing] = useState<Editing | undefined>();
  const canAdminister = tenantId !== null && can('admin', tenantId);
  const createButton = canAdminister ? (
    <button type="button" className="primary" onClick={() => setEditing({ kind: 'create' })}>
      New credential
    </button>
  ) : undefined;

  return (
    <Page
      title="Credentials"
      description="Cloud credentials backup locations use. Secrets are stored encrypted and never shown again."
      actions={createButton}
    >
      <RequireTenant what="credentials">
        {(tenant) => (
          <>
            <QueryView
              query={query}
              loading="Loading credentials"
              failed="Could not load the credentials"
              isEmpty={(data) => data.credentials.edges.length === 0}
              empty={
                <EmptyState title="No credentials yet" action={createButton}>
                  <p>
                    An S3, Azure or Google Cloud location needs one (S3 can use the agent's own identity instead); a
                    filesystem location needs none.
                  </p>
                  {!canAdminister && <p>Admins of the tenant store them.</p>}
                </EmptyState>
              }
            >
              {(data) => (
                <>
                  <CredentialTable
                    credentials={data.credentials.edges.map((e) => e.node)}
                    onEdit={canAdminister ? (credential) => setEditing({ kind: 'edit', credential }) : undefined}
                    onDelete={canAdminister ? (credential) => setEditing({ kind: 'delete', credential }) : undefined}
                  />
                  {data.credentials.totalCount > credentialPageSize && (
                    <p className="hint">
                      Showing the first {credentialPageSize} of {data.credentials.totalCount} credentials, by name.
                    </p>
                  )}
                </>
              )}
            </QueryView>
            {editing?.kind === 'create' && (
              <CredentialDialog tenantId={tenant} onClose={() => setEditing(undefined)} onSaved={query.reload} />
            )}
            {editing?.kind === 'edit' && (
              <CredentialDialog
                tenantId={tenant}
                credential={editing.credential}
                onClose={() => setEditing(undefined)}
                onSaved={query.reload}
              />
            )}
            {editing?.kind === 'delete' && (
              <ConfirmDialog
                title={`Delete credential ${editing.credential.name}?`}
                confirm="Delete credential"
                failed="The hub did not delete the credential"
                operation={deleteCredentialMutation}
                variables={{ id: editing.credential.id }}
                onDone={query.reload}
                onClose={() => setEditing(undefined)}
              >
                <p>The hub refuses while a backup location uses it; give those locations another credential first.</p>
              </ConfirmDialog>
            )}
          </>
        )}
      </RequireTenant>
    </Page>
  );
}
