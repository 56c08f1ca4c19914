import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { type BackupLogEntry, parseBackupLogLine } from '../../../agent/src/backup/BackupLogEntry.ts';
import { type BackupManifest, parseBackupManifest } from '#schema/format/BackupManifest';
import type { IndexEntry } from '../../../agent/src/backup/IndexEntry.ts';
import type { ObjectStore } from '../../../agent/src/storage/ObjectStore.ts';

const run = promisify(execFile);

/** A committed backup as a reader sees it, every part fetched through the store and opened with standard tools. */
export interface InspectedBackup {
  /** Every key under `backups/<id>/`, as the store lists them. */
  keys: string[];
  manifest: BackupManifest;
  index: IndexEntry[];
  log: BackupLogEntry[];
  /** Size and SHA-256 of the bytes read back, to hold against what `backup.json` records. */
  stored: Record<'archive' | 'index' | 'log', { size: number; sha256: string }>;
  /** What `/usr/bin/tar -tzf` lists, in order. */
  tarPaths: string[];
  /** Where `/usr/bin/tar -xzf` extracted the archive. */
  extractedTo: string;
}

export async function listKeys(store: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of store.list(prefix)) keys.push(key);
  return keys;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Downloads and opens backup `id`; `workDir` receives the archive file and its extraction. */
export async function inspectBackup(store: ObjectStore, id: string, workDir: string): Promise<InspectedBackup> {
  const dir = `backups/${id}/`;
  const keys = await listKeys(store, dir);
  const manifest = parseBackupManifest(JSON.parse((await readAll(await store.get(`${dir}backup.json`))).toString()));
  const indexBytes = await readAll(await store.get(`${dir}index.jsonl`));
  const logBytes = await readAll(await store.get(`${dir}log.jsonl`));
  const lines = (bytes: Buffer) => bytes.toString().split('\n').filter(Boolean);

  const work = await mkdtemp(join(workDir, `${id}-`));
  const archiveFile = join(work, 'resources.tar.gz');
  // Streamed to disk, as a reader of a large backup would; the store verifies its SHA-256 on the way.
  await pipeline(await store.get(`${dir}resources.tar.gz`), createWriteStream(archiveFile));
  const archiveBytes = await readFile(archiveFile);
  const listed = await run('/usr/bin/tar', ['-tzf', archiveFile], { encoding: 'utf8' });
  const extractedTo = join(work, 'out');
  await mkdir(extractedTo);
  await run('/usr/bin/tar', ['-xzf', archiveFile, '-C', extractedTo]);

  const summary = (bytes: Buffer) => ({ size: bytes.length, sha256: sha256(bytes) });
  return {
    keys,
    manifest,
    index: lines(indexBytes).map((line) => JSON.parse(line) as IndexEntry),
    log: lines(logBytes).map(parseBackupLogLine),
    stored: { archive: summary(archiveBytes), index: summary(indexBytes), log: summary(logBytes) },
    tarPaths: listed.stdout.split('\n').filter(Boolean),
    extractedTo,
  };
}
