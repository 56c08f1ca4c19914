import { JobFailure } from '../jobs/JobFailure.ts';

/** The object keys of one backup (format v1), relative to the location's prefix. */
export interface BackupKeys {
  /** `backups/<backupId>/`: every object of the backup starts with it. */
  directory: string;
  archive: string;
  index: string;
  log: string;
  /** `backup.json`, written last: its presence is what makes the directory a backup. */
  manifest: string;
}

/**
 * The keys of backup `backupId`. The id becomes one key segment, so one that is empty, holds a `/` or
 * control characters, or is `.` or `..` could write outside its directory: such an id fails the job.
 */
export function backupKeys(backupId: string): BackupKeys {
  if (!/^[^/\p{Cc}]+$/u.test(backupId) || backupId === '.' || backupId === '..') {
    throw new JobFailure(`the backup id '${backupId}' cannot name a directory in the location; this is a hub bug`);
  }
  const directory = `backups/${backupId}/`;
  return {
    directory,
    archive: `${directory}resources.tar.gz`,
    index: `${directory}index.jsonl`,
    log: `${directory}log.jsonl`,
    manifest: `${directory}backup.json`,
  };
}
