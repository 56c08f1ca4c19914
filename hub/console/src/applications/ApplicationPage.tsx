import { useMemo, useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { Page } from '../ui/Page.tsx';
import { backupListPath } from '../backups/backupListParams.ts';
import { mayOperate } from '../backups/mayOperate.ts';
import { BackupHistoryChart } from '../charts/BackupHistoryChart.tsx';
import { toBackupPoint } from '../charts/BackupPoint.ts';
import { Link } from '../router/Link.tsx';
import { useLocation } from '../router/useLocation.ts';
import { EmptyState } from '../states/EmptyState.tsx';
import { ListView } from '../states/ListView.tsx';
import { QueryView } from '../states/QueryView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { type ApplicationClusterData, applicationClusterQuery } from './applicationClusterQuery.ts';
import { backupSelection } from './backupSelection.ts';
import { ClusterStatusBadge } from './ClusterStatusBadge.tsx';
import { type ClusterNamespacesData, clusterNamespacesQuery, namespacesPageSize } from './clusterNamespacesQuery.ts';
import { NamespaceFilterForm } from './NamespaceFilterForm.tsx';
import { isFiltered, type NamespaceFilterParams, readNamespaceFilterParams, toInventoryFilter } from './namespaceFilterParams.ts';
import { NamespaceTable } from './NamespaceTable.tsx';
import { StartBackupDialog } from './StartBackupDialog.tsx';
import './applications.css';
import { BackupScreen } from '../backups/BackupScreen.tsx';

/** The agent reports namespace changes through its watches; the view reads them again this often. */
const pollMs = 30_000;

/**
 * The application view: one cluster's namespaces with their workloads, volumes and object counts, narrowed by
 * namespace names or patterns, namespace labels and workload labels; the shown selection can be backed up.
 */
export function ApplicationPage({ clusterId }: { clusterId: string }) {
  const query = useQuery(applicationClusterQuery, { id: clusterId });
  if (query.state.status === 'ready') return <ApplicationView clusterId={clusterId} data={query.state.data} />;
  return (
    <BackupScreen>
      <Page title="Application view">
        <QueryView query={query} loading="Loading the cluster" failed="Could not load the cluster">
          {() => null}
        </QueryView>
      </Page>
    </BackupScreen>
  );
}

function ApplicationView({ clusterId, data }: { clusterId: string; data: ApplicationClusterData }) {
  const { me } = useTenants();
  const { search } = useLocation();
  const key = search.toString();
  const params = useMemo(() => readNamespaceFilterParams(new URLSearchParams(key)), [key]);
  const namespaces = useQuery(clusterNamespacesQuery, { clusterId, filter: toInventoryFilter(params) }, { pollMs });
  const [excluded, setExcluded] = useState<{ key: string; names: Set<string> }>({ key, names: new Set() });
  // A new filter shows other namespaces: every one of them starts ticked.
  const unticked = excluded.key === key ? excluded.names : new Set<string>();
  const [starting, setStarting] = useState(false);
  const { cluster } = data;

  const shown = namespaces.state.status === 'ready' ? namespaces.state.data.clusterNamespaces : undefined;
  const selection = shown
    ? backupSelection({
        params,
        shown: shown.edges.map((e) => e.node.name),
        excluded: unticked,
        complete: !shown.pageInfo.hasNextPage,
      })
    : undefined;
  const allowed = mayOperate(me, { tenantId: cluster.tenantId, clusterId });
  const covered =
    selection?.ok !== true ||
    mayOperate(me, { tenantId: cluster.tenantId, clusterId, namespaces: selection.selection.includeNamespaces });
  const hint =
    selection === undefined
      ? 'Loading the namespaces…'
      : !selection.ok
        ? selection.error
        : covered
          ? 'Backs up the ticked namespaces as filtered'
          : 'Your role covers only some of these namespaces: filter or untick the others';
  const actions = allowed ? (
    <>
      <button
        type="button"
        className="primary"
        disabled={!selection?.ok || !covered}
        aria-describedby="start-hint"
        onClick={() => setStarting(true)}
      >
        Start backup
      </button>
      <span className="hint" id="start-hint">
        {hint}
      </span>
    </>
  ) : undefined;

  return (
    <BackupScreen>
      <Page
        title={`Applications on ${cluster.name}`}
        description={
          <>
            What runs in each namespace, as the cluster’s agent reports it. Narrow it down, tick what matters, and back
            it up. <Link to={backupListPath({ clusterId })}>Backups of {cluster.name}</Link>
          </>
        }
        actions={actions}
      >
        <section className="cluster-header" aria-label={`Cluster ${cluster.name}`}>
          <div className="cluster-header-status">
            <ClusterStatusBadge status={cluster.status} />
            {cluster.status === 'Disconnected' && cluster.lastSeenAt && (
              <span className="subtle inline">
                last heard from <RelativeTime at={cluster.lastSeenAt} />; what it reported then is shown, and backups wait
                until it is back
              </span>
            )}
          </div>
          <BackupHistoryChart
            points={data.backups.edges.map((e) => toBackupPoint(e.node))}
            label={`Latest backups of ${cluster.name}`}
            showSummary
          />
        </section>
        {!allowed && (
          <p className="notice notice-info" data-testid="read-only-note">
            Your role lets you look at this cluster but not start backups. An operator or admin of the tenant can.
          </p>
        )}
        <NamespaceFilterForm key={key} clusterId={clusterId} params={params} />
        <ListView
          query={namespaces}
          what="namespaces"
          list={(d) => d.clusterNamespaces}
          empty={<NoNamespaces params={params} clusterStatus={cluster.status} />}
        >
          {(d) => (
            <Namespaces
              data={d}
              excluded={unticked}
              onExcludedChange={(names) => setExcluded({ key, names })}
            />
          )}
        </ListView>
        {starting && selection?.ok && (
          <StartBackupDialog cluster={cluster} selection={selection.selection} onClose={() => setStarting(false)} />
        )}
      </Page>
    </BackupScreen>
  );
}

function Namespaces({
  data,
  excluded,
  onExcludedChange,
}: {
  data: ClusterNamespacesData;
  excluded: ReadonlySet<string>;
  onExcludedChange: (names: Set<string>) => void;
}) {
  const { totalCount, edges } = data.clusterNamespaces;
  const ticked = edges.filter((e) => !excluded.has(e.node.name)).length;
  return (
    <>
      <p className="list-count" aria-live="polite">
        {totalCount} {totalCount === 1 ? 'namespace' : 'namespaces'}; {ticked} ticked for the backup
      </p>
      <NamespaceTable namespaces={edges.map((e) => e.node)} excluded={excluded} onExcludedChange={onExcludedChange} />
      {totalCount > edges.length && (
        <p className="hint">
          Showing the first {namespacesPageSize} of {totalCount} namespaces, by name; a backup takes only the ticked
          ones shown. Narrow the filters to see the rest.
        </p>
      )}
    </>
  );
}

function NoNamespaces({ params, clusterStatus }: { params: NamespaceFilterParams; clusterStatus: string }) {
  if (isFiltered(params)) {
    return (
      <EmptyState title="No namespace matches these filters">
        <p>Check the patterns and selectors, or clear the filters.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No namespaces reported">
      <p>
        {clusterStatus === 'PendingEnrollment'
          ? 'No agent has enrolled for this cluster yet; its namespaces appear once it connects.'
          : 'The agent has not reported any namespace you may see. Your role may be narrowed to namespaces this cluster does not have.'}
      </p>
    </EmptyState>
  );
}
