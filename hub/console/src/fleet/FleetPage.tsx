import { useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { Page } from '../ui/Page.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { ListView } from '../states/ListView.tsx';
import { CreateTenantForm } from '../tenants/CreateTenantForm.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { clusterFreshness } from './clusterFreshness.ts';
import { ClusterTable } from './ClusterTable.tsx';
import { FleetSummary } from './FleetSummary.tsx';
import { type FleetData, fleetPageSize, fleetQuery } from './fleetQuery.ts';
import { RegisterClusterDialog } from './RegisterClusterDialog.tsx';

/** Connection states change without events the API streams, so the fleet is read again this often. */
const pollMs = 15_000;

/** Every cluster of the chosen tenant(s): connection, agent and Kubernetes versions, last good backup. */
export function FleetPage() {
  const { me, tenants, tenantId, can } = useTenants();
  const query = useQuery(fleetQuery, { tenantId }, { pollMs });
  const [registering, setRegistering] = useState(false);
  const adminTenants = tenants.filter((t) => can('admin', t.id));
  const register =
    adminTenants.length > 0 ? (
      <button type="button" className="primary" onClick={() => setRegistering(true)}>
        Register a cluster
      </button>
    ) : undefined;

  return (
    <Page
      title="Fleet"
      description="Every cluster, whether its agent is connected, and how fresh its last good backup is."
      actions={register}
    >
      {tenants.length === 0 ? (
        <EmptyState title="No tenants yet">
          {me.hubAdmin ? (
            <>
              <p>Clusters, locations and backups belong to a tenant. Create the first one:</p>
              <CreateTenantForm />
            </>
          ) : (
            <p>
              You hold no role in any tenant. Ask a tenant admin to bind your user or one of your groups to a role.
            </p>
          )}
        </EmptyState>
      ) : (
        <ListView
          query={query}
          what="clusters"
          list={(data) => data.clusters}
          empty={
            <EmptyState title="No clusters yet" action={register}>
              <p>
                Register a cluster to get its one-time enrollment token and the command that starts its agent. The
                agent dials out to the hub, so the cluster needs no inbound port.
              </p>
              {!register && <p>Only a tenant admin can register clusters.</p>}
            </EmptyState>
          }
        >
          {(data) => <FleetOverview data={data} />}
        </ListView>
      )}
      {registering && (
        <RegisterClusterDialog
          tenants={adminTenants}
          defaultTenantId={tenantId}
          onClose={() => setRegistering(false)}
          onRegistered={query.reload}
        />
      )}
    </Page>
  );
}

function FleetOverview({ data }: { data: FleetData }) {
  const { tenants, tenantId } = useTenants();
  const now = Date.now();
  const clusters = data.clusters.edges.map((e) => e.node);
  const freshness = clusterFreshness(
    clusters,
    data.backupSchedules.edges.map((e) => e.node),
    now,
  );
  const byId = tenantId === null && tenants.length > 1 ? new Map(tenants.map((t) => [t.id, t])) : undefined;
  return (
    <>
      <FleetSummary clusters={clusters} freshness={freshness} />
      <ClusterTable clusters={clusters} freshness={freshness} tenants={byId} now={now} />
      {data.clusters.totalCount > fleetPageSize && (
        <p className="hint">
          Showing the first {fleetPageSize} of {data.clusters.totalCount} clusters, by name. Choose a tenant to narrow
          the list.
        </p>
      )}
    </>
  );
}
