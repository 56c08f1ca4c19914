import { Link } from '../router/Link.tsx';
import type { BackupDetail } from './BackupDetail.ts';
import { BackupNotes } from './BackupNotes.tsx';
import { formatBytes } from './formatBytes.ts';
import { formatElapsed } from './formatElapsed.ts';
import { formatRelative } from './formatRelative.ts';

export interface BackupFactsProps {
  backup: BackupDetail;
  /** Undefined while unknown: the id is shown. */
  clusterName: string | undefined;
  locationName: string;
  now: number;
}

function When({ at, now }: { at: string; now: number }) {
  return (
    <>
      <time dateTime={at}>{new Date(at).toLocaleString()}</time>{' '}
      <span className="subtle inline">({formatRelative(at, now)})</span>
    </>
  );
}

/** Where the backup comes from and went, when it ran, how big it is, and when it expires. */
export function BackupFacts({ backup, clusterName, locationName, now }: BackupFactsProps) {
  const ran =
    backup.startedAt && backup.completedAt
      ? new Date(backup.completedAt).getTime() - new Date(backup.startedAt).getTime()
      : undefined;
  return (
    <dl className="facts">
      <dt>Cluster</dt>
      <dd>
        <Link to={`/applications/${backup.clusterId}`}>{clusterName ?? backup.clusterId}</Link>
      </dd>
      <dt>Location</dt>
      <dd>{locationName}</dd>
      <dt>Taken</dt>
      <dd className="notes">
        <BackupNotes backup={backup} />
      </dd>
      <dt>Created</dt>
      <dd>
        <When at={backup.createdAt} now={now} />
      </dd>
      {backup.startedAt && (
        <>
          <dt>Started</dt>
          <dd>
            <When at={backup.startedAt} now={now} />
          </dd>
        </>
      )}
      {backup.completedAt && (
        <>
          <dt>Ended</dt>
          <dd>
            <When at={backup.completedAt} now={now} />
            {ran !== undefined && <span className="subtle inline"> after {formatElapsed(ran)}</span>}
          </dd>
        </>
      )}
      <dt>Expires</dt>
      <dd>
        <When at={backup.expiresAt} now={now} />
      </dd>
      <dt>Size</dt>
      <dd>{formatBytes(backup.progress.bytes)}</dd>
      <dt>Items</dt>
      <dd>{backup.progress.itemsDone.toLocaleString('en')}</dd>
      {backup.labels.length > 0 && (
        <>
          <dt>Labels</dt>
          <dd className="labels">
            {backup.labels.map((l) => (
              <span key={l.key} className="label">
                {l.key}={l.value}
              </span>
            ))}
          </dd>
        </>
      )}
    </dl>
  );
}
