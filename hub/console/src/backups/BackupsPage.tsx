import { useMemo } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { Page } from '../ui/Page.tsx';
import { Link } from '../router/Link.tsx';
import { useLocation } from '../router/useLocation.ts';
import { EmptyState } from '../states/EmptyState.tsx';
import { QueryView } from '../states/QueryView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { BackupFilters } from './BackupFilters.tsx';
import { backupListPath, readBackupListParams, toBackupFilter } from './backupListParams.ts';
import { backupsQuery } from './backupsQuery.ts';
import { BackupTable } from './BackupTable.tsx';
import { clusterNamesQuery } from './clusterNamesQuery.ts';
import { BackupScreen } from './BackupScreen.tsx';

/**
 * Running backups move live through their own subscriptions; the list itself is read again this often, so
 * backups started elsewhere (schedules, other users) appear without a reload.
 */
const pollMs = 30_000;

/** Every backup of the chosen tenant(s), filtered by cluster, phase, labels and time, newest first. */
export function BackupsPage() {
  const { search } = useLocation();
  const { tenants, tenantId } = useTenants();
  const key = search.toString();
  const params = useMemo(() => readBackupListParams(new URLSearchParams(key)), [key]);
  // "Created within" counts back from when the filters were applied, so the query stays put between renders.
  const filter = useMemo(() => toBackupFilter(params, tenantId, Date.now()), [params, tenantId]);
  const query = useQuery(
    backupsQuery,
    { filter: filter.ok ? filter.filter : { tenantId }, after: params.after || null },
    { skip: !filter.ok, pollMs },
  );
  const clusters = useQuery(clusterNamesQuery, { tenantId });
  const clusterList = clusters.state.status === 'ready' ? clusters.state.data.clusters.edges.map((e) => e.node) : [];
  const names = new Map(clusterList.map((c) => [c.id, c.name]));
  const tenantNames = new Map(tenants.map((t) => [t.id, t.displayName || t.name]));
  const spansTenants = tenantId === null && tenants.length > 1;
  const tenantName = spansTenants ? (id: string) => tenantNames.get(id) ?? id : undefined;
  const filtered = Boolean(params.clusterId || params.phase || params.labels || params.createdWithin || params.name);

  return (
    <BackupScreen>
      <Page
        title="Backups"
        description="Every backup, newest first: running ones move live; open one for its contents, problems and activity."
      >
        <BackupFilters
          key={key}
          params={params}
          clusters={clusterList}
          tenantName={tenantName}
          error={filter.ok ? undefined : filter.error}
        />
        {params.started && (
          <p className="notice notice-info" role="status">
            Backup started. Its bar below moves as the agent works; open it for details.
          </p>
        )}
        {filter.ok && (
          <QueryView
            query={query}
            loading="Loading backups"
            failed="Could not load the backups"
            isEmpty={(data) => data.backups.edges.length === 0}
            empty={
              filtered ? (
                <EmptyState title="No backups match these filters" action={<Link to="/backups">Show all backups</Link>}>
                  <p>Widen the time range, or clear the filters.</p>
                </EmptyState>
              ) : (
                <EmptyState title="No backups yet" action={<Link to="/applications">Choose what to back up</Link>}>
                  <p>
                    Backups appear here when a schedule takes them or someone starts one from a cluster’s application
                    view.
                  </p>
                </EmptyState>
              )
            }
          >
            {(data) => {
              const backups = data.backups.edges.map((e) => e.node);
              return (
                <>
                  <p className="list-count" aria-live="polite">
                    {data.backups.totalCount.toLocaleString('en')} {data.backups.totalCount === 1 ? 'backup' : 'backups'}
                    {filtered ? (data.backups.totalCount === 1 ? ' matches' : ' match') : ''}
                    {params.after ? '; showing older ones' : ''}
                  </p>
                  <BackupTable
                    backups={backups}
                    clusterName={(b) => {
                      const name = names.get(b.clusterId) ?? b.clusterId;
                      return tenantName ? `${name} (${tenantName(b.tenantId)})` : name;
                    }}
                    now={Date.now()}
                    highlightId={params.started || undefined}
                  />
                  <nav className="pager" aria-label="Pages">
                    {params.after && <Link to={backupListPath({ ...params, after: '', started: '' })}>← Newest</Link>}
                    {data.backups.pageInfo.hasNextPage && data.backups.pageInfo.endCursor && (
                      <Link to={backupListPath({ ...params, after: data.backups.pageInfo.endCursor, started: '' })}>
                        Older backups →
                      </Link>
                    )}
                  </nav>
                </>
              );
            }}
          </QueryView>
        )}
      </Page>
    </BackupScreen>
  );
}
