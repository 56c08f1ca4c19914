import type { Tenant } from '../tenants/tenantsQuery.ts';
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

/** The fleet's clusters; on a narrow window each row becomes a card (see console.css). */
export function ClusterTable({ clusters, freshness, tenants, now }: ClusterTableProps) {
  return (
    <table className="table cluster-table">
      <caption className="visually-hidden">Clusters</caption>
      <thead>
        <tr>
          <th scope="col">Cluster</th>
          <th scope="col">Connection</th>
          <th scope="col">Agent</th>
          <th scope="col">Kubernetes</th>
          <th scope="col">Last good backup</th>
        </tr>
      </thead>
      <tbody>
        {clusters.map((cluster) => {
          const state = freshness.get(cluster.id) ?? { kind: 'unscheduled' };
          const tenant = tenants?.get(cluster.tenantId);
          return (
            <tr key={cluster.id} data-cluster={cluster.name} className={state.kind === 'overdue' ? 'row-warn' : undefined}>
              <th scope="row" data-label="Cluster">
                <div>
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
                </div>
              </th>
              <td data-label="Connection">
                <div>
                  <ConnectionCell cluster={cluster} now={now} />
                </div>
              </td>
              <td data-label="Agent">
                <div>{cluster.agentVersion ?? <span className="subtle">—</span>}</div>
              </td>
              <td data-label="Kubernetes">
                <div>{cluster.kubernetesVersion ?? <span className="subtle">—</span>}</div>
              </td>
              <td data-label="Last good backup">
                <BackupCell cluster={cluster} freshness={state} now={now} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
