import { useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { RestoreScreen } from './RestoreScreen.tsx';
import { Link } from '../router/Link.tsx';
import { navigate } from '../router/navigate.ts';
import { useLocation } from '../router/useLocation.ts';
import { EmptyState } from '../states/EmptyState.tsx';
import { ListView } from '../states/ListView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { Pager } from './Pager.tsx';
import { isRestoreEnded, type RestorePhase } from './restorePhase.ts';
import { newRestorePath } from './restorePaths.ts';
import { restoresPageSize, restoresQuery } from './restoresQuery.ts';
import { RestoreTable } from './RestoreTable.tsx';

/** The phase filter's choices; "in progress" is Pending and Running together. */
const phaseFilters: { value: string; label: string; phases: RestorePhase[] | null }[] = [
  { value: '', label: 'All phases', phases: null },
  { value: 'active', label: 'In progress', phases: ['Pending', 'Running'] },
  { value: 'Completed', label: 'Completed', phases: ['Completed'] },
  { value: 'PartiallyFailed', label: 'Partially failed', phases: ['PartiallyFailed'] },
  { value: 'Failed', label: 'Failed', phases: ['Failed'] },
];

/**
 * Past and running restores (and dry runs) into the clusters the caller sees, newest first; `?backup=<id>`
 * narrows them to one backup's.
 */
export function RestoresPage() {
  const { tenants, tenantId, can } = useTenants();
  const { search } = useLocation();
  const backupId = search.get('backup');
  const [phase, setPhase] = useState('');
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({ key: '', cursors: [null] });
  const key = `${tenantId}|${backupId}|${phase}`;
  const cursors = paging.key === key ? paging.cursors : [null];
  const [pollMs, setPollMs] = useState(30_000);
  const query = useQuery(
    restoresQuery,
    {
      tenantId,
      backupId,
      phases: phaseFilters.find((f) => f.value === phase)?.phases ?? null,
      first: restoresPageSize,
      after: cursors[cursors.length - 1] ?? null,
    },
    { pollMs },
  );
  const data = query.state.status === 'ready' ? query.state.data : undefined;
  // Poll often while something on the page runs, rarely otherwise.
  const running = data?.restores.edges.some((e) => !isRestoreEnded(e.node.phase)) ?? false;
  if ((running ? 5_000 : 30_000) !== pollMs) setPollMs(running ? 5_000 : 30_000);

  const canStart = tenants.some((t) => (tenantId === null || t.id === tenantId) && can('operator', t.id));
  const start = canStart ? (
    <button type="button" className="primary" onClick={() => navigate(newRestorePath(backupId ?? undefined))}>
      Restore a backup
    </button>
  ) : undefined;

  return (
    <RestoreScreen title="Restores" description="Restores and dry runs into the clusters you can see, newest first." actions={start}>
      <div className="list-filters">
        <SelectField label="Phase" options={phaseFilters} value={phase} onChange={setPhase} />
        {backupId && (
          <p className="filter-note">
            Restores of one backup only. <Link to="/restores">Show all restores</Link>
          </p>
        )}
      </div>
      <ListView
        query={query}
        what="restores"
        list={(d) => d.restores}
        empty={
          <EmptyState title={phase || backupId ? 'No restores match' : 'No restores yet'} action={start}>
            <p>
              A restore copies a backup’s objects into a cluster of its tenant — the backup’s own or another — with
              namespaces renamed if you like. It starts with a dry run that shows what it would do.
            </p>
            {!start && <p>Only operators and admins of a tenant can restore its backups.</p>}
          </EmptyState>
        }
      >
        {(d) => {
          const first = (cursors.length - 1) * restoresPageSize;
          const { pageInfo } = d.restores;
          return (
            <>
              <RestoreTable
                restores={d.restores.edges.map((e) => e.node)}
                clusterNames={new Map(d.clusters.edges.map((e) => [e.node.id, e.node.name]))}
                backupNames={new Map(d.backups.edges.map((e) => [e.node.id, e.node.name]))}
                now={Date.now()}
              />
              <Pager
                label="Restore pages"
                from={first + 1}
                to={first + d.restores.edges.length}
                total={d.restores.totalCount}
                onPrevious={cursors.length > 1 ? () => setPaging({ key, cursors: cursors.slice(0, -1) }) : undefined}
                onNext={
                  pageInfo.hasNextPage && pageInfo.endCursor
                    ? () => setPaging({ key, cursors: [...cursors, pageInfo.endCursor] })
                    : undefined
                }
              />
            </>
          );
        }}
      </ListView>
    </RestoreScreen>
  );
}
