import type { Tenant } from '../tenants/tenantsQuery.ts';
import { DataTable } from '../ui/DataTable.tsx';
import type { BackupFreshness } from './backupFreshness.ts';
import { BackupCell } from './BackupCell.tsx';
import { ConnectionCell } from './ConnectionCell.tsx';
import type { FleetCluster } from './fleetQuery.ts';

export interface ClusterTableProps {
  clusters: readonly FleetCluster[];
  freshness: ReadonlyMap<string, BackupFreshness>;
  /** Set when the table spans several tenants, to name each cluster's. */
  tenants?: ReadonlyMap<string, Tenant>;
  now: number;
}

const none = <span className="subtle">—</span>;

/** The fleet's clusters; on a narrow window each row becomes a card (see console.css). */
export function ClusterTable({ clusters, freshness, tenants, now }: ClusterTableProps) {
  const stateOf = (cluster: FleetCluster): BackupFreshness => freshness.get(cluster.id) ?? { kind: 'unscheduled' };
  return (
    <DataTable
      caption="Clusters"
      className="cluster-table"
      rows={clusters}
      rowProps={(cluster) => ({ 'data-cluster': cluster.name, ...(stateOf(cluster).kind === 'overdue' ? { className: 'row-warn' } : {}) })}
      columns={[
        { header: 'Cluster', cell: (cluster) => <ClusterName cluster={cluster} tenant={tenants?.get(cluster.tenantId)} /> },
        { header: 'Connection', cell: (cluster) => <ConnectionCell cluster={cluster} now={now} /> },
        { header: 'Agent', cell: (cluster) => cluster.agentVersion ?? none },
        { header: 'Kubernetes', cell: (cluster) => cluster.kubernetesVersion ?? none },
        { header: 'Last good backup', cell: (cluster) => <BackupCell cluster={cluster} freshness={stateOf(cluster)} now={now} /> },
      ]}
    />
  );
}

function ClusterName({ cluster, tenant }: { cluster: FleetCluster; tenant: Tenant | undefined }) {
  return (
    <>
      <span className="cluster-name">{cluster.name}</span>
      {tenant && <span className="subtle">{tenant.displayName || tenant.name}</span>}
      {cluster.labels.length > 0 && (
        <span className="labels">
          {cluster.labels.map((l) => (
            <span key={l.key} className="label">
              {l.key}={l.value}
            </span>
          ))}
        </span>
      )}
    </>
  );
}
