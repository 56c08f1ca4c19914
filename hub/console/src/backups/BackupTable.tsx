import { BackupRow } from './BackupRow.tsx';
import type { BackupListItem } from './BackupListItem.ts';

export interface BackupTableProps {
  backups: readonly BackupListItem[];
  clusterName: (backup: BackupListItem) => string;
  now: number;
  highlightId?: string;
}

/** Backups newest first; on a narrow window each row becomes a card (see console.css). */
export function BackupTable({ backups, clusterName, now, highlightId }: BackupTableProps) {
  return (
    <table className="table backup-table">
      <caption className="visually-hidden">Backups, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Backup</th>
          <th scope="col">Cluster</th>
          <th scope="col">Status</th>
          <th scope="col" className="numeric">
            Size
          </th>
          <th scope="col" className="numeric">
            Items
          </th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <BackupRow key={b.id} backup={b} clusterName={clusterName(b)} now={now} highlighted={b.id === highlightId} />
        ))}
      </tbody>
    </table>
  );
}
