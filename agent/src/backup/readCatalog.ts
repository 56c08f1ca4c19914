import { text } from 'node:stream/consumers';
import type { CatalogOutcome } from '#schema/agent/CatalogOutcome';
import type { LocationTarget } from '#schema/agent/JobPayload';
import { parseBackupManifest } from '#schema/format/BackupManifest';
import type { JobContext } from '../jobs/JobRunner.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { BackupStorageError } from './BackupStorageError.ts';

const manifestKey = /^backups\/[^/]+\/backup\.json$/;

/**
 * Reads every committed backup of a location: each `backups/<id>/backup.json` (directories without one are
 * not backups and are passed over). A manifest that cannot be read or parsed is reported with why, and the
 * rest still count, so one damaged backup does not hide the others.
 */
export async function readCatalog(target: LocationTarget, store: ObjectStore, context: JobContext): Promise<CatalogOutcome> {
  const keys: string[] = [];
  try {
    for await (const key of store.list('backups/')) if (manifestKey.test(key)) keys.push(key);
  } catch (error) {
    throw new BackupStorageError('list', 'backups/', error).toJobFailure(target, store.describe());
  }
  const outcome: CatalogOutcome = { backups: [], unreadable: [] };
  for (const key of keys) {
    context.signal.throwIfAborted();
    try {
      outcome.backups.push(parseBackupManifest(JSON.parse(await text(await store.get(key)))));
    } catch (error) {
      outcome.unreadable.push(`${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
    context.progress({ done: outcome.backups.length + outcome.unreadable.length, total: keys.length, bytes: 0, message: `read ${key}` });
  }
  return outcome;
}
