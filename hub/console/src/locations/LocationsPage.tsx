import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { RequireTenant } from '../ui/RequireTenant.tsx';
import { useQuery } from '../api/useQuery.ts';
import { Page } from '../ui/Page.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { QueryView } from '../states/QueryView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import type { BackupLocation } from './BackupLocation.ts';
import { CreateLocationDialog } from './CreateLocationDialog.tsx';
import { backupLocationsQuery, deleteBackupLocationMutation, locationPageSize } from './locationOperations.ts';
import { LocationTable } from './LocationTable.tsx';
import { ValidateLocationDialog } from './ValidateLocationDialog.tsx';

type Acting = { kind: 'create' } | { kind: 'validate'; location: BackupLocation } | { kind: 'delete'; location: BackupLocation };

/** A tenant's backup locations: list with their last check, create, check from a cluster, delete. */
export function LocationsPage() {
  const { tenantId, can } = useTenants();
  const query = useQuery(backupLocationsQuery, { tenantId: tenantId ?? '' }, { skip: !tenantId });
  const [acting, setActing] = useState<Acting | undefined>();
  const canAdminister = tenantId !== null && can('admin', tenantId);
  const canOperate = tenantId !== null && can('operator', tenantId);
  const data = query.state.status === 'ready' ? query.state.data : undefined;
  const createButton =
    canAdminister && data ? (
      <button type="button" className="primary" onClick={() => setActing({ kind: 'create' })}>
        New location
      </button>
    ) : undefined;

  return (
    <Page
      title="Backup locations"
      description="Where backups are written. Agents write straight to them, never through the hub."
      actions={createButton}
    >
      <RequireTenant what="backup locations">
        {(tenant) => (
          <>
            <QueryView
              query={query}
              loading="Loading backup locations"
              failed="Could not load the backup locations"
              isEmpty={(d) => d.backupLocations.edges.length === 0}
              empty={
                <EmptyState title="No backup locations yet" action={createButton}>
                  <p>A location is an S3, Azure or Google Cloud bucket, or a path mounted into the agents.</p>
                  {!canAdminister && <p>Admins of the tenant create them.</p>}
                </EmptyState>
              }
            >
              {(d) => (
                <>
                  <LocationTable
                    locations={d.backupLocations.edges.map((e) => e.node)}
                    credentialNames={new Map(d.credentials.edges.map((e) => [e.node.id, e.node.name]))}
                    clusterNames={new Map(d.clusters.edges.map((e) => [e.node.id, e.node.name]))}
                    onValidate={canOperate ? (location) => setActing({ kind: 'validate', location }) : undefined}
                    onDelete={canAdminister ? (location) => setActing({ kind: 'delete', location }) : undefined}
                  />
                  {d.backupLocations.totalCount > locationPageSize && (
                    <p className="hint">
                      Showing the first {locationPageSize} of {d.backupLocations.totalCount} locations, by name.
                    </p>
                  )}
                </>
              )}
            </QueryView>
            {acting?.kind === 'create' && data && (
              <CreateLocationDialog
                tenantId={tenant}
                credentials={data.credentials.edges.map((e) => e.node)}
                onClose={() => setActing(undefined)}
                onCreated={query.reload}
              />
            )}
            {acting?.kind === 'validate' && data && (
              <ValidateLocationDialog
                location={acting.location}
                clusters={data.clusters.edges.map((e) => e.node)}
                onClose={() => setActing(undefined)}
                onChecked={query.reload}
              />
            )}
            {acting?.kind === 'delete' && (
              <ConfirmDialog
                title={`Delete location ${acting.location.name}?`}
                confirm="Delete location"
                failed="The hub did not delete the location"
                operation={deleteBackupLocationMutation}
                variables={{ id: acting.location.id }}
                onDone={query.reload}
                onClose={() => setActing(undefined)}
              >
                <p>
                  The hub refuses while the catalog holds backups in it or a schedule writes to it. The data in the
                  bucket or path is not touched.
                </p>
              </ConfirmDialog>
            )}
          </>
        )}
      </RequireTenant>
    </Page>
  );
}
