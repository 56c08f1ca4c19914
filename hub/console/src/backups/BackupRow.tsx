import { Link } from '../router/Link.tsx';
import { formatBytes } from './formatBytes.ts';
import { formatRelative } from './formatRelative.ts';
import { BackupNotes } from './BackupNotes.tsx';
import type { BackupListItem } from './BackupListItem.ts';
import { BackupProgressBar } from './BackupProgressBar.tsx';
import { PhaseBadge } from './PhaseBadge.tsx';
import { useLiveBackup } from './useLiveBackup.ts';

export interface BackupRowProps {
  backup: BackupListItem;
  clusterName: string;
  now: number;
  /** Pointed out: the backup just started from the application view. */
  highlighted: boolean;
}

/** One backup of the list, moving live while it runs or is being deleted. */
export function BackupRow({ backup: queried, clusterName, now, highlighted }: BackupRowProps) {
  const { backup, gone } = useLiveBackup(queried);
  const when = (at: string) => (
    <time dateTime={at} title={new Date(at).toLocaleString()}>
      {formatRelative(at, now)}
    </time>
  );
  const classes = [highlighted ? 'row-highlight' : '', gone ? 'row-gone' : ''].filter(Boolean).join(' ');
  return (
    <tr data-backup={backup.name} data-phase={gone ? 'Deleted' : backup.phase} className={classes || undefined}>
      <th scope="row" data-label="Backup">
        <div className="backup-name-cell">
          {gone ? <span className="backup-name">{backup.name}</span> : <Link to={`/backups/${backup.id}`} className="backup-name">{backup.name}</Link>}
          <BackupNotes backup={backup} />
          {backup.labels.length > 0 && (
            <span className="labels">
              {backup.labels.map((l) => (
                <span key={l.key} className="label">
                  {l.key}={l.value}
                </span>
              ))}
            </span>
          )}
        </div>
      </th>
      <td data-label="Cluster">
        <div>{clusterName}</div>
      </td>
      <td data-label="Status">
        <div className="status-cell">
          {gone ? <span className="subtle">Deleted</span> : <PhaseBadge phase={backup.phase} />}
          {!gone && <BackupProgressBar backup={backup} />}
        </div>
      </td>
      <td data-label="Size" className="numeric">
        <div>{formatBytes(backup.progress.bytes)}</div>
      </td>
      <td data-label="Items" className="numeric">
        <div>{backup.progress.itemsDone.toLocaleString('en')}</div>
      </td>
      <td data-label="Created">
        <div>{when(backup.createdAt)}</div>
      </td>
      <td data-label="Expires">
        <div>{backup.phase === 'Deleting' ? <span className="subtle">being deleted</span> : when(backup.expiresAt)}</div>
      </td>
    </tr>
  );
}
