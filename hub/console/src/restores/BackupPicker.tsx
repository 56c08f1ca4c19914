import { useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { Link } from '../router/Link.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { ListView } from '../states/ListView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { Badge } from '../ui/Badge.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { restorableBackupsPageSize, restorableBackupsQuery } from './restorableBackupsQuery.ts';
import { newRestorePath } from './restorePaths.ts';

/** The wizard's first step when no backup was named: the newest restorable backups, by cluster. */
export function BackupPicker() {
  const { tenantId } = useTenants();
  const [clusterId, setClusterId] = useState('');
  const query = useQuery(restorableBackupsQuery, { tenantId, clusterId: clusterId || null });
  const clusters = query.state.status === 'ready' ? query.state.data.clusters.edges.map((e) => e.node) : [];
  return (
    <section aria-labelledby="pick-title">
      <h2 id="pick-title" tabIndex={-1}>
        Which backup?
      </h2>
      <div className="list-filters">
        <SelectField
          label="Backups of cluster"
          options={[{ value: '', label: 'Any cluster' }, ...clusters.map((c) => ({ value: c.id, label: c.name }))]}
          value={clusterId}
          onChange={setClusterId}
        />
      </div>
      <ListView
        query={query}
        what="backups"
        list={(data) => data.backups}
        empty={
          <EmptyState title="No backups to restore">
            <p>
              Only Completed and Partially failed backups can be restored. Take a backup of a cluster first, or choose
              another tenant or cluster.
            </p>
          </EmptyState>
        }
      >
        {(data) => {
          const names = new Map(data.clusters.edges.map((e) => [e.node.id, e.node.name]));
          const now = Date.now();
          return (
            <>
              <table className="table backup-pick-table">
                <caption className="visually-hidden">Restorable backups</caption>
                <thead>
                  <tr>
                    <th scope="col">Backup</th>
                    <th scope="col">Cluster</th>
                    <th scope="col">Taken</th>
                    <th scope="col">Namespaces</th>
                    <th scope="col">
                      <span className="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.backups.edges.map(({ node: b }) => (
                    <tr key={b.id} data-backup={b.name}>
                      <th scope="row" data-label="Backup">
                        <div>
                          {b.name}
                          {b.phase === 'PartiallyFailed' && <Badge tone="warn">Partially failed</Badge>}
                        </div>
                      </th>
                      <td data-label="Cluster">
                        <div>{names.get(b.clusterId) ?? b.clusterId}</div>
                      </td>
                      <td data-label="Taken">
                        <div>
                          <RelativeTime at={b.createdAt} now={now} />
                        </div>
                      </td>
                      <td data-label="Namespaces">
                        <div>{b.spec.includeNamespaces.length ? b.spec.includeNamespaces.join(', ') : 'all'}</div>
                      </td>
                      <td data-label="Action">
                        <div>
                          <Link to={newRestorePath(b.id)} aria-label={`Restore ${b.name}`}>
                            Restore…
                          </Link>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {data.backups.totalCount > restorableBackupsPageSize && (
                <p className="hint">
                  Showing the newest {restorableBackupsPageSize} of {data.backups.totalCount}. Choose a cluster to
                  narrow the list, or open an older backup from its page.
                </p>
              )}
            </>
          );
        }}
      </ListView>
    </section>
  );
}
