import type { Readable } from 'node:stream';
import { isKind, type OperationOutcome } from '#schema/agent/OperationOutcome';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { type BackupLogEntry, parseBackupLogLine } from './BackupLogEntry.ts';
import { parseBackupManifest } from '#schema/format/BackupManifest';
import type { BackupKeys } from './backupKeys.ts';
import { BackupStorageError } from './BackupStorageError.ts';
import { boundedLog } from './boundedLog.ts';
import { logProblems } from './logProblems.ts';
import type { IndexEntry } from './IndexEntry.ts';
import { parseIndexEntry } from './parseIndexEntry.ts';

/**
 * The outcome of a backup an earlier run of the same job already committed, or `undefined` when there is no
 * `backup.json` yet. A job may be delivered again after its agent reported nothing (a lost connection, a
 * restart); running it again must not rewrite the archive under a standing `backup.json`, nor delete it when
 * the rerun fails, so the rerun reports what the first one committed instead.
 *
 * Rejects with `BackupStorageError` when the location cannot be read, and with `JobFailure` when a
 * `backup.json` is there but is not one this agent can read (it is then left alone for a person to look at).
 */
export async function readCommittedOutcome(store: ObjectStore, keys: BackupKeys): Promise<OperationOutcome | undefined> {
  const head = await storage('read', keys.manifest, () => store.head(keys.manifest));
  if (!head) return undefined;
  const manifestText = await storage('read', keys.manifest, async () => text(await store.get(keys.manifest)));
  const logText = await storage('read', keys.log, async () => text(await store.get(keys.log)));
  // The kinds of the types counted are in the index only; it is small (a line per item) and read once.
  const indexText = await storage('read', keys.index, async () => text(await store.get(keys.index)));
  let manifest;
  const kinds: Record<string, string> = {};
  const log: BackupLogEntry[] = [];
  try {
    manifest = parseBackupManifest(JSON.parse(manifestText));
    for (const line of logText.split('\n')) {
      if (!line) continue;
      log.push(parseBackupLogLine(line));
    }
    for (const [i, line] of indexText.split('\n').entries()) {
      if (!line) continue;
      const { group, resource, kind } = indexLine(line, i);
      if (!isKind(kind)) continue;
      const type = group ? `${resource}.${group}` : resource;
      if (Object.hasOwn(manifest.countsByKind, type)) kinds[type] = kind;
    }
  } catch (error) {
    throw new JobFailure(
      `${keys.directory} already holds a backup.json, but it, its index or its log cannot be read ` +
        `(${error instanceof Error ? error.message : String(error)}): it was committed by another writer or is damaged, and is left as it is`,
      { cause: error },
    );
  }
  return {
    phase: manifest.phase,
    countsByKind: manifest.countsByKind,
    kinds,
    itemCount: manifest.itemCount,
    bytes: manifest.bytes,
    ...logProblems(log),
    ...boundedLog(log),
  };
}

/** Line `i` (from 0) of the index, its error naming the line: which object of the backup is malformed. */
function indexLine(line: string, i: number): IndexEntry {
  try {
    return parseIndexEntry(JSON.parse(line));
  } catch (error) {
    const problem = error instanceof SyntaxError ? 'it is not JSON' : error instanceof Error ? error.message : String(error);
    throw new Error(`index.jsonl line ${i + 1} is not an index entry: ${problem}`, { cause: error });
  }
}

async function storage<T>(action: 'read', key: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new BackupStorageError(action, key, error);
  }
}

/** The whole object as UTF-8; the store's stream verifies the SHA-256 by the time it ends. */
async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
