import type { ObjectStore } from '../storage/ObjectStore.ts';
import type { BackupKeys } from './backupKeys.ts';

/**
 * Best effort: deletes the objects a backup that did not commit may have left, and returns what could not be
 * deleted (`key: reason`), never throwing, so the failure that stopped the backup stays the one reported.
 *
 * `backup.json` goes first: a write of it that failed on our side may still have landed, and deleting the
 * archive under a standing `backup.json` would break a committed backup. Call this only for a backup whose
 * `backup.json` was not there when the run began: an earlier run's commit is never undone.
 *
 * Leftovers are harmless to readers (a directory without `backup.json` is not a backup), only wasted space.
 */
export async function removePartialBackup(store: ObjectStore, keys: BackupKeys): Promise<string[]> {
  const problems: string[] = [];
  for (const key of [keys.manifest, keys.archive, keys.index, keys.log]) {
    try {
      await store.delete(key);
    } catch (error) {
      problems.push(`${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}
