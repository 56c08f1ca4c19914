import type { LocationTarget } from '#schema/agent/JobPayload';
import type { JobContext } from '../jobs/JobRunner.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { backupKeys } from './backupKeys.ts';
import { BackupStorageError } from './BackupStorageError.ts';

/**
 * Removes a backup's objects from its location: `backup.json` first, so that from the first step on the
 * directory is no longer a backup to any reader, then everything else under `backups/<id>/`. Deleting a
 * backup that is already gone succeeds, so a redelivered deletion is harmless.
 */
export async function deleteBackupData(
  backupId: string,
  target: LocationTarget,
  store: ObjectStore,
  context: JobContext,
): Promise<void> {
  const keys = backupKeys(backupId);
  const step = async <T>(action: 'delete' | 'list', key: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new BackupStorageError(action, key, error).toJobFailure(target, store.describe());
    }
  };
  await step('delete', keys.manifest, () => store.delete(keys.manifest));
  const rest = await step('list', keys.directory, async () => {
    const found: string[] = [];
    for await (const key of store.list(keys.directory)) found.push(key);
    return found;
  });
  let done = 0;
  for (const key of rest) {
    context.signal.throwIfAborted();
    await step('delete', key, () => store.delete(key));
    context.progress({ done: ++done, total: rest.length, bytes: 0, message: `deleted ${key}` });
  }
}
