import { Link } from '../router/Link.tsx';
import { DataTable } from '../ui/DataTable.tsx';
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
  const clusterName = (id: string) => clusterNames.get(id) ?? id;
  return (
    <DataTable
      caption="Restores"
      className="restore-table"
      rows={restores}
      rowProps={(r) => ({ 'data-restore': r.id, ...(r.phase === 'Failed' || r.phase === 'PartiallyFailed' ? { className: 'row-warn' } : {}) })}
      columns={[
        {
          header: 'Restore',
          cell: (r) => (
            <>
              <Link to={restorePath(r.id)} aria-label={`${r.spec.dryRun ? 'Dry run' : 'Restore'} ${r.id}`}>
                <RelativeTime at={r.createdAt} now={now} />
              </Link>
              <span className="subtle">{r.spec.dryRun ? 'dry run' : `existing: ${r.spec.existingResourcePolicy}`}</span>
            </>
          ),
        },
        {
          header: 'Backup',
          cell: (r) => <Link to={backupPath(r.backupId)}>{backupNames.get(r.backupId) ?? `backup ${r.backupId.slice(0, 8)}`}</Link>,
        },
        {
          header: 'From → into',
          cell: (r) => (
            <>
              {clusterName(r.sourceClusterId)} → <strong>{clusterName(r.targetClusterId)}</strong>
              {r.spec.namespaceMapping.length > 0 && (
                <span className="subtle">{r.spec.namespaceMapping.map((m) => `${m.from} → ${m.to}`).join(', ')}</span>
              )}
            </>
          ),
        },
        {
          header: 'Phase',
          cell: (r) => (
            <>
              <RestorePhaseBadge phase={r.phase} dryRun={r.spec.dryRun} />
              {!isRestoreEnded(r.phase) && r.progress.itemsTotal > 0 && (
                <span className="subtle">
                  {r.progress.itemsDone} of {r.progress.itemsTotal} items
                </span>
              )}
            </>
          ),
        },
        { header: 'Items', cell: (r) => <ItemCounts restore={r} /> },
      ]}
    />
  );
}

function ItemCounts({ restore: r }: { restore: RestoreListItem }) {
  if (r.spec.dryRun) return <span className="subtle">none: a dry run applies nothing</span>;
  const counts = r.itemCounts;
  return (
    <span className="item-counts">
      {counts.created} created · {counts.updated} updated · {counts.skipped} skipped
      {counts.failed > 0 ? <strong className="failed-count"> · {counts.failed} failed</strong> : ' · 0 failed'}
    </span>
  );
}
