import type { BackupDeletionState } from './BackupListItem.ts';
import { formatRelative } from './formatRelative.ts';

const reasons: Record<BackupDeletionState['reason'], string> = {
  Requested: 'someone asked for it',
  Expired: 'it expired',
  Retention: 'its schedule keeps only a number of backups',
  FailedCleanup: 'it failed and failed backups are cleaned up',
};

/** Where a backup's deletion stands: why, how many attempts, the last failure and when it is tried again. */
export function DeletionStatus({ deletion, now }: { deletion: BackupDeletionState; now: number }) {
  const failed = deletion.lastError !== null;
  return (
    <div className={`callout ${failed ? 'callout-bad' : 'callout-info'}`} role="status" data-testid="deletion-status">
      <p>
        <strong>{failed ? 'Deletion failed' : 'Being deleted'}</strong> because {reasons[deletion.reason]}
        {deletion.attempts > 1 ? ` (attempt ${deletion.attempts})` : ''}.
        {!failed && ' Its data is removed from the location, then it leaves the catalog.'}
      </p>
      {deletion.lastError && <p className="error-message">{deletion.lastError}</p>}
      {deletion.retryAt && (
        <p className="subtle">
          The hub tries again{' '}
          <time dateTime={deletion.retryAt} title={new Date(deletion.retryAt).toLocaleString()}>
            {formatRelative(deletion.retryAt, now)}
          </time>
          ; until then it cannot be restored.
        </p>
      )}
    </div>
  );
}
