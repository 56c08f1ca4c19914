import { createHash } from 'node:crypto';
import { type BackupManifest, parseBackupManifest } from '#schema/format/BackupManifest';
import { type BackupKeys, backupKeys } from '../backup/backupKeys.ts';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import { parseIndexEntry } from '../backup/parseIndexEntry.ts';
import { JobFailure } from '../jobs/JobFailure.ts';
import { ObjectNotFoundError } from '../storage/ObjectNotFoundError.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';

/** What a restore knows of a committed backup before opening its archive: enough to plan it. */
export interface BackupIndex {
  keys: BackupKeys;
  manifest: BackupManifest;
  /** One entry per file of the archive, in archive order; each path occurs once. */
  entries: IndexEntry[];
}

/**
 * The first stage of a restore: reads committed backup `backupId` (format v1) up to its index, verified.
 * `backup.json` must exist (else the directory is not a backup) and parse, and `index.jsonl` must match the
 * size and SHA-256 `backup.json` records and hold one well-formed entry per line, no path twice. The archive
 * is not opened here (`spoolArchive` streams it). Both objects are small (the index is a few hundred bytes per
 * item), so they are read whole. Throws `JobFailure` naming the object that is missing or damaged.
 */
export async function readBackupIndex(store: ObjectStore, backupId: string, signal?: AbortSignal): Promise<BackupIndex> {
  const keys = backupKeys(backupId);
  const manifestBytes = await readObject(store, keys.manifest).catch((error: unknown) => {
    if (error instanceof ObjectNotFoundError) {
      throw new JobFailure(`${keys.directory} in ${store.describe()} is not a committed backup: it has no backup.json`);
    }
    throw error;
  });
  let manifest: BackupManifest;
  try {
    manifest = parseBackupManifest(JSON.parse(manifestBytes.toString('utf8')));
  } catch (error) {
    throw new JobFailure(`${keys.manifest} cannot be read: ${messageOf(error)}`, { cause: error });
  }
  signal?.throwIfAborted();
  const indexBytes = await readObject(store, keys.index);
  const recorded = manifest.index;
  if (indexBytes.length !== recorded.size) {
    throw new JobFailure(`${keys.index} is damaged: ${indexBytes.length} bytes, but backup.json records ${recorded.size}`);
  }
  if (createHash('sha256').update(indexBytes).digest('hex') !== recorded.sha256) {
    throw new JobFailure(`${keys.index} is damaged: its SHA-256 differs from the one backup.json records`);
  }
  return { keys, manifest, entries: parseIndex(keys.index, indexBytes) };
}

/** The whole object; the store's own digest check fails the stream at its end, which rejects here. */
async function readObject(store: ObjectStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await store.get(key)) chunks.push(chunk as Buffer);
  } catch (error) {
    if (error instanceof ObjectNotFoundError && key.endsWith('/backup.json')) throw error;
    throw new JobFailure(`reading ${key} failed: ${messageOf(error)}`, { cause: error });
  }
  return Buffer.concat(chunks);
}

/** The index's entries, each checked field by field: the plan and the archive check rely on all of them. */
function parseIndex(key: string, bytes: Buffer): IndexEntry[] {
  const entries: IndexEntry[] = [];
  const paths = new Set<string>();
  bytes
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new JobFailure(`${key} line ${i + 1} is not JSON`, { cause: error });
      }
      let entry: IndexEntry;
      try {
        entry = parseIndexEntry(value);
      } catch (error) {
        throw new JobFailure(`${key} line ${i + 1} is not an index entry: ${messageOf(error)}`, { cause: error });
      }
      if (paths.has(entry.path)) throw new JobFailure(`${key} line ${i + 1} lists '${entry.path}' a second time`);
      paths.add(entry.path);
      entries.push(entry);
    });
  return entries;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
