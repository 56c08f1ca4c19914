import { Link } from '../router/Link.tsx';
import { Badge } from '../ui/Badge.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { backupPath } from './restorePaths.ts';
import type { WizardBackup } from './restoreWizardQuery.ts';

/** The backup being restored: its name, cluster, age and contents, and a warning when some of it failed. */
export function BackupCard({ backup, sourceName }: { backup: WizardBackup; sourceName: string | undefined }) {
  const counts = backup.result?.countsByKind ?? [];
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <section className="backup-card" aria-label="Backup to restore">
      <p className="backup-card-title">
        Backup <Link to={backupPath(backup.id)}>{backup.name}</Link> of <strong>{sourceName ?? backup.clusterId}</strong>
        , taken <RelativeTime at={backup.createdAt} />
        {backup.phase === 'PartiallyFailed' && (
          <>
            {' '}
            <Badge tone="warn">Partially failed</Badge>
          </>
        )}
      </p>
      {counts.length > 0 && (
        <p className="subtle">
          {total} objects: {counts.map((c) => `${c.count} ${c.resource}`).join(', ')}
        </p>
      )}
      {backup.phase === 'PartiallyFailed' && (
        <p className="subtle">Some items could not be backed up; those are missing from it and cannot be restored.</p>
      )}
    </section>
  );
}
