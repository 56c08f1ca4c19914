import { useQuery } from '../api/useQuery.ts';
import { Page } from '../ui/Page.tsx';
import { BackupHistoryChart } from '../charts/BackupHistoryChart.tsx';
import { type BackupPoint, toBackupPoint } from '../charts/BackupPoint.ts';
import { Link } from '../router/Link.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { ListView } from '../states/ListView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { type ApplicationClustersData, applicationClustersQuery, recentBackupsForCharts } from './applicationClustersQuery.ts';
import { ClusterStatusBadge } from './ClusterStatusBadge.tsx';
import './applications.css';
import { BackupScreen } from '../backups/BackupScreen.tsx';

/** The way into the application view: every cluster, with a chart of its latest backups' size and outcome. */
export function ApplicationsPage() {
  const { tenantId } = useTenants();
  const query = useQuery(applicationClustersQuery, { tenantId }, { pollMs: 30_000 });
  return (
    <BackupScreen>
      <Page
        title="Applications"
        description="Choose a cluster to see its namespaces and what runs in them, and back up a selection."
      >
        <ListView
          query={query}
          what="clusters"
          list={(data) => data.clusters}
          empty={
            <EmptyState title="No clusters yet" action={<Link to="/fleet">Go to the fleet</Link>}>
              <p>Register a cluster on the Fleet screen; once its agent connects, its namespaces appear here.</p>
            </EmptyState>
          }
        >
          {(data) => <ClusterChoices data={data} />}
        </ListView>
      </Page>
    </BackupScreen>
  );
}

function ClusterChoices({ data }: { data: ApplicationClustersData }) {
  const { tenants, tenantId } = useTenants();
  const tenantNames = tenantId === null && tenants.length > 1 ? new Map(tenants.map((t) => [t.id, t.displayName || t.name])) : undefined;
  const byCluster = new Map<string, BackupPoint[]>();
  for (const { node } of data.backups.edges) {
    const list = byCluster.get(node.clusterId) ?? [];
    list.push(toBackupPoint(node));
    byCluster.set(node.clusterId, list);
  }
  return (
    <>
      <table className="table application-clusters">
        <caption className="visually-hidden">Clusters</caption>
        <thead>
          <tr>
            <th scope="col">Cluster</th>
            <th scope="col">Agent</th>
            <th scope="col">Latest backups (size and outcome)</th>
          </tr>
        </thead>
        <tbody>
          {data.clusters.edges.map(({ node: cluster }) => (
            <tr key={cluster.id} data-cluster={cluster.name}>
              <th scope="row" data-label="Cluster">
                <div>
                  <Link to={`/applications/${cluster.id}`} className="cluster-name">
                    {cluster.name}
                  </Link>
                  {tenantNames && <span className="subtle">{tenantNames.get(cluster.tenantId)}</span>}
                </div>
              </th>
              <td data-label="Agent">
                <div>
                  <ClusterStatusBadge status={cluster.status} />
                </div>
              </td>
              <td data-label="Latest backups">
                <div>
                  <BackupHistoryChart points={byCluster.get(cluster.id) ?? []} label={`Latest backups of ${cluster.name}`} showSummary />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Charts draw each cluster’s share of the newest {recentBackupsForCharts} backups
        {tenantNames ? ' across the tenants' : ' of the tenant'}; a cluster’s own page shows its latest 20.
      </p>
    </>
  );
}
