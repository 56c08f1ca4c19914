import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { type BackupManifest, parseBackupManifest } from '../../../schema/format/BackupManifest.ts';
import { backupKeys } from '../backup/backupKeys.ts';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import { JobFailure } from '../jobs/JobFailure.ts';
import { ObjectNotFoundError } from '../storage/ObjectNotFoundError.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import type { KubeObject } from './KubeObject.ts';
import { readTar } from './readTar.ts';

/** One archived object with its index entry, verified against the index's size and SHA-256. */
export interface BackupItem {
  entry: IndexEntry;
  object: KubeObject;
}

/** A committed backup, read whole and verified: its manifest and every item, in archive order. */
export interface BackupContents {
  manifest: BackupManifest;
  items: BackupItem[];
}

/**
 * Reads committed backup `backupId` (format v1) and verifies all of it before the caller applies anything:
 * `backup.json` must exist (else the directory is not a backup), the index and the archive must match the
 * size and SHA-256 `backup.json` records, and every file of the archive must match its index line (size,
 * SHA-256) and parse as an object. Each index line must have its file. Throws `JobFailure` naming the
 * object or the item that is missing, damaged or truncated.
 *
 * Held in memory: the archive, decompressed, and every item. Fine for the namespaces restores target today;
 * a streaming reader (verify in a first pass, apply in a second) is the way to large backups.
 */
export async function readBackup(store: ObjectStore, backupId: string, signal?: AbortSignal): Promise<BackupContents> {
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
  checkObject(keys.index, indexBytes, manifest.index);
  const index = parseIndex(keys.index, indexBytes);
  signal?.throwIfAborted();
  const archiveBytes = await readObject(store, keys.archive);
  checkObject(keys.archive, archiveBytes, manifest.archive);
  return { manifest, items: matchArchive(keys.archive, archiveBytes, index) };
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

function checkObject(key: string, bytes: Buffer, recorded: { size: number; sha256: string }): void {
  if (bytes.length !== recorded.size) {
    throw new JobFailure(`${key} is damaged: ${bytes.length} bytes, but backup.json records ${recorded.size}`);
  }
  if (sha256(bytes) !== recorded.sha256) {
    throw new JobFailure(`${key} is damaged: its SHA-256 differs from the one backup.json records`);
  }
}

function parseIndex(key: string, bytes: Buffer): Map<string, IndexEntry> {
  const entries = new Map<string, IndexEntry>();
  const lines = bytes.toString('utf8').split('\n');
  lines.forEach((line, i) => {
    if (line === '') return;
    let entry: IndexEntry;
    try {
      entry = JSON.parse(line) as IndexEntry;
    } catch (error) {
      throw new JobFailure(`${key} line ${i + 1} is not JSON`, { cause: error });
    }
    if (typeof entry.path !== 'string' || typeof entry.sha256 !== 'string' || typeof entry.resource !== 'string') {
      throw new JobFailure(`${key} line ${i + 1} is not an index entry`);
    }
    entries.set(entry.path, entry);
  });
  return entries;
}

function matchArchive(key: string, compressed: Buffer, index: Map<string, IndexEntry>): BackupItem[] {
  let tar: Buffer;
  try {
    tar = gunzipSync(compressed);
  } catch (error) {
    throw new JobFailure(`${key} is damaged: it does not decompress (${messageOf(error)})`, { cause: error });
  }
  const items: BackupItem[] = [];
  const seen = new Set<string>();
  try {
    for (const file of readTar(tar)) {
      const entry = index.get(file.path);
      if (!entry) throw new JobFailure(`${key} holds '${file.path}', which the index does not list`);
      if (file.content.length !== entry.size || sha256(file.content) !== entry.sha256) {
        throw new JobFailure(`item '${file.path}' in ${key} is damaged: it does not match its index entry`);
      }
      seen.add(file.path);
      items.push({ entry, object: JSON.parse(file.content.toString('utf8')) as KubeObject });
    }
  } catch (error) {
    if (error instanceof JobFailure) throw error;
    throw new JobFailure(`${key} is damaged: ${messageOf(error)}`, { cause: error });
  }
  for (const path of index.keys()) {
    if (!seen.has(path)) throw new JobFailure(`item '${path}' is in the index but missing from ${key}`);
  }
  return items;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
