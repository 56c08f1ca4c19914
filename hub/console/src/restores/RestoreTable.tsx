import { Link } from '../router/Link.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { isRestoreEnded } from './restorePhase.ts';
import { RestorePhaseBadge } from './RestorePhaseBadge.tsx';
import { backupPath, restorePath } from './restorePaths.ts';
import type { RestoreListItem } from './restoresQuery.ts';

export interface RestoreTableProps {
  restores: readonly RestoreListItem[];
  clusterNames: ReadonlyMap<string, string>;
  backupNames: ReadonlyMap<string, string>;
  now: number;
}

/** Restores, newest first: what was restored where, its phase, and what it did; each row links to its page. */
export function RestoreTable({ restores, clusterNames, backupNames, now }: RestoreTableProps) {
  return (
    <table className="table restore-table">
      <caption className="visually-hidden">Restores</caption>
      <thead>
        <tr>
          <th scope="col">Restore</th>
          <th scope="col">Backup</th>
          <th scope="col">From → into</th>
          <th scope="col">Phase</th>
          <th scope="col">Items</th>
        </tr>
      </thead>
      <tbody>
        {restores.map((r) => {
          const counts = r.itemCounts;
          return (
            <tr
              key={r.id}
              data-restore={r.id}
              className={r.phase === 'Failed' || r.phase === 'PartiallyFailed' ? 'row-warn' : undefined}
            >
              <th scope="row" data-label="Restore">
                <div>
                  <Link to={restorePath(r.id)} aria-label={`${r.spec.dryRun ? 'Dry run' : 'Restore'} ${r.id}`}>
                    <RelativeTime at={r.createdAt} now={now} />
                  </Link>
                  <span className="subtle">{r.spec.dryRun ? 'dry run' : `existing: ${r.spec.existingResourcePolicy}`}</span>
                </div>
              </th>
              <td data-label="Backup">
                <div>
                  <Link to={backupPath(r.backupId)}>{backupNames.get(r.backupId) ?? `backup ${r.backupId.slice(0, 8)}`}</Link>
                </div>
              </td>
              <td data-label="From → into">
                <div>
                  {clusterNames.get(r.sourceClusterId) ?? r.sourceClusterId} →{' '}
                  <strong>{clusterNames.get(r.targetClusterId) ?? r.targetClusterId}</strong>
                  {r.spec.namespaceMapping.length > 0 && (
                    <span className="subtle">
                      {r.spec.namespaceMapping.map((m) => `${m.from} → ${m.to}`).join(', ')}
                    </span>
                  )}
                </div>
              </td>
              <td data-label="Phase">
                <div>
                  <RestorePhaseBadge phase={r.phase} dryRun={r.spec.dryRun} />
                  {!isRestoreEnded(r.phase) && r.progress.itemsTotal > 0 && (
                    <span className="subtle">
                      {r.progress.itemsDone} of {r.progress.itemsTotal} items
                    </span>
                  )}
                </div>
              </td>
              <td data-label="Items">
                <div>
                  {r.spec.dryRun ? (
                    <span className="subtle">none: a dry run applies nothing</span>
                  ) : (
                    <span className="item-counts">
                      {counts.created} created · {counts.updated} updated · {counts.skipped} skipped
                      {counts.failed > 0 ? <strong className="failed-count"> · {counts.failed} failed</strong> : ' · 0 failed'}
                    </span>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
