import { useSubscription } from '../api/useSubscription.ts';
import { Badge, type BadgeTone } from '../ui/Badge.tsx';
import { unreachable } from '../ui/unreachable.ts';
import type { BackupJob } from './BackupJob.ts';
import { formatBytes } from './formatBytes.ts';
import { formatElapsed } from './formatElapsed.ts';
import { jobUpdatedSubscription } from './backupQuery.ts';

function jobTone(phase: BackupJob['phase']): BadgeTone {
  switch (phase) {
    case 'Queued':
      return 'neutral';
    case 'Running':
      return 'info';
    case 'Succeeded':
      return 'ok';
    case 'Failed':
      return 'bad';
    case 'Cancelled':
      return 'warn';
    default:
      return unreachable(phase);
  }
}

const jobTitles: Record<BackupJob['kind'], string> = {
  backup: 'Taking the backup',
  deleteBackup: 'Deleting its data',
  restore: 'Restore',
  validateLocation: 'Location check',
  rebuildCatalog: 'Catalog rebuild',
  rotateRepositoryKey: 'Repository key rotation',
};

/** One job, followed live while it is queued or running. */
function JobEntry({ job: queried }: { job: BackupJob }) {
  const follow = queried.phase === 'Queued' || queried.phase === 'Running';
  const live = useSubscription(jobUpdatedSubscription, { id: queried.id }, { skip: !follow });
  const job = (follow && live.status !== 'connecting' ? live.data?.jobUpdated : undefined) ?? queried;
  const at = (iso: string) => <time dateTime={iso}>{new Date(iso).toLocaleString()}</time>;
  return (
    <li className="job" data-job-kind={job.kind} data-job-phase={job.phase}>
      <div className="job-head">
        <strong>{jobTitles[job.kind]}</strong> <Badge tone={jobTone(job.phase)}>{job.phase}</Badge>
        {job.attempts > 1 && <span className="subtle inline">attempt {job.attempts}</span>}
      </div>
      <ul className="job-events">
        <li>Queued {at(job.createdAt)}</li>
        {job.startedAt && <li>Started {at(job.startedAt)}</li>}
        {job.progress?.message && (
          <li>
            {job.finishedAt ? 'Last report the hub kept' : 'Now'}: <span className="job-message">{job.progress.message}</span>
            {job.progress.bytes > 0 && <span className="subtle inline"> ({formatBytes(job.progress.bytes)})</span>}
          </li>
        )}
        {job.finishedAt && (
          <li>
            Ended {at(job.finishedAt)}
            {job.startedAt && (
              <span className="subtle inline">
                {' '}
                after {formatElapsed(new Date(job.finishedAt).getTime() - new Date(job.startedAt).getTime())}
              </span>
            )}
          </li>
        )}
        {job.error && <li className="job-error">Error: {job.error}</li>}
      </ul>
    </li>
  );
}

/**
 * What happened to the backup, as far as the API tells: each job that took it or deletes it, with its
 * phase, times, the agent's latest progress message and its error.
 */
export function BackupActivity({ jobs }: { jobs: readonly BackupJob[] }) {
  return (
    <>
      {jobs.length === 0 ? (
        <p className="subtle">No jobs recorded for this backup (a backup rebuilt from its location has none).</p>
      ) : (
        <ol className="activity">
          {jobs.map((job) => (
            <JobEntry key={job.id} job={job} />
          ))}
        </ol>
      )}
    </>
  );
}
