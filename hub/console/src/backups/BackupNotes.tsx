import { Badge } from '../ui/Badge.tsx';
import type { BackupListItem } from './BackupListItem.ts';

const lateMeaning =
  'taken after its run time: its cluster was disconnected then, or it is the catch-up run for times missed while no hub was up';

/** What sets a backup apart besides its phase: taken by a schedule (and late), its deletion under way. */
export function BackupNotes({ backup }: { backup: BackupListItem }) {
  return (
    <>
      {backup.scheduledFor ? (
        <span className="subtle">
          scheduled for{' '}
          <time dateTime={backup.scheduledFor}>{new Date(backup.scheduledFor).toLocaleString()}</time>
        </span>
      ) : (
        <span className="subtle">{backup.scheduleId ? 'scheduled' : 'on demand'}</span>
      )}
      {backup.late && (
        <span className="late" title={lateMeaning}>
          <Badge tone="warn">Late</Badge>
          <span className="visually-hidden"> ({lateMeaning})</span>
        </span>
      )}
      {backup.deletion?.lastError && (
        <span className="subtle deletion-error">Deletion failed: {backup.deletion.lastError}</span>
      )}
    </>
  );
}
