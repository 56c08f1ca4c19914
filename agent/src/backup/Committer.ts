import type { JobPayload } from '#schema/agent/JobPayload';
import { qualifiedResourceName } from '../kube/ApiResourceType.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import type { ArchiveSummary } from './ArchiveWriter.ts';
import { type BackupManifest, backupFormatVersion } from '#schema/format/BackupManifest';
import type { BackupKeys } from './backupKeys.ts';
import { BackupStorageError } from './BackupStorageError.ts';
import type { BackupLogEntry } from './BackupLogEntry.ts';
import { putHashed } from './putHashed.ts';

/** What the stages before the commit produced. */
export interface CommitInput {
  backup: Extract<JobPayload, { kind: 'backup' }>['backup'];
  startedAt: Date;
  archive: ArchiveSummary;
  /**
   * The whole log, in order: the collection's warnings and errors (`logEntriesOf`, complete once the archive
   * is stored) and the lines of any pre- and post-exec rule. Any error makes the backup `PartiallyFailed`.
   */
  log: readonly BackupLogEntry[];
}

/**
 * The commit stage of a backup (format v1): writes `index.jsonl` and `log.jsonl`, then `backup.json` last.
 * Only that last write makes the directory a backup, so when anything before it fails or the job is
 * cancelled, `backup.json` is never written and readers ignore what was. Removing those partial objects is
 * the caller's part (`removePartialBackup`), since it also covers an archive stage that failed.
 */
export class Committer {
  constructor(
    private readonly store: ObjectStore,
    private readonly keys: BackupKeys,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * Writes the index, the log and the manifest; resolves with the manifest once the backup is committed.
   * Rejects with the abort reason if cancelled before `backup.json` is written, or with `BackupStorageError`.
   */
  async commit({ backup, startedAt, archive, log: lines }: CommitInput): Promise<BackupManifest> {
    const index = await putHashed(this.store, this.keys.index, jsonLines(archive.entries));
    const log = await putHashed(this.store, this.keys.log, jsonLines(lines));
    // The last moment a cancellation can stop the backup: past this point it would only throw away a whole one.
    this.signal.throwIfAborted();
    // Counted from what the archive holds, not from the collection's tally, so the manifest matches the index.
    const counts = new Map<string, number>();
    for (const entry of archive.entries) {
      const kind = qualifiedResourceName({ group: entry.group, plural: entry.resource });
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    const count = (level: BackupLogEntry['level']) => lines.filter((line) => line.level === level).length;
    const errorCount = count('error');
    const manifest: BackupManifest = {
      formatVersion: backupFormatVersion,
      backupId: backup.id,
      backupName: backup.name,
      clusterId: backup.spec.clusterId,
      spec: backup.spec,
      startedAt: startedAt.toISOString(),
      completedAt: new Date().toISOString(),
      phase: errorCount > 0 ? 'PartiallyFailed' : 'Completed',
      countsByKind: Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      itemCount: archive.entries.length,
      bytes: archive.size + index.size + log.size,
      archive: { key: 'resources.tar.gz', size: archive.size, sha256: archive.sha256 },
      index: { key: 'index.jsonl', size: index.size, sha256: index.sha256 },
      log: { key: 'log.jsonl', size: log.size, sha256: log.sha256 },
      warningCount: count('warning'),
      errorCount,
    };
    try {
      await this.store.put(this.keys.manifest, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    } catch (error) {
      throw new BackupStorageError('write', this.keys.manifest, error);
    }
    return manifest;
  }
}

/** JSON Lines, batched into chunks of about 64 KiB so a large index is neither one buffer nor a write per line. */
async function* jsonLines(values: readonly object[]): AsyncGenerator<Buffer> {
  let batch = '';
  for (const value of values) {
    batch += `${JSON.stringify(value)}\n`;
    if (batch.length >= 64 * 1024) {
      yield Buffer.from(batch);
      batch = '';
    }
  }
  if (batch) yield Buffer.from(batch);
}
