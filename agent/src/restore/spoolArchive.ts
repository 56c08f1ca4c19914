import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { Sha256Meter } from '../storage/Sha256Meter.ts';
import type { BackupIndex } from './readBackupIndex.ts';
import type { ItemSpool } from './ItemSpool.ts';
import type { KubeObject } from './KubeObject.ts';
import { parseArchivedObject } from './parseArchivedObject.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';
import { readTar, TarFormatError } from './readTar.ts';

export interface SpoolArchiveOptions {
  /** Where the planned items are kept for the apply stage; without one the archive is only verified (a dry run). */
  spool?: Pick<ItemSpool, 'write'>;
  signal?: AbortSignal;
  /**
   * Called with each planned item's object once its file checked out, in archive order: how the planner
   * learns what the objects refer to (`RestoreNeeds`) without a second read. The object is the caller's.
   */
  inspect?: (item: RestorePlanItem, object: KubeObject) => void;
  /** Called after each file of the archive with the compressed bytes read so far. */
  onProgress?: (bytesRead: number) => void;
}

/**
 * The verifying stage of a restore: streams the backup's `resources.tar.gz` once, through one pipeline with
 * back-pressure (store → SHA-256 meter → gunzip → `readTar`), and keeps the files `plan` needs in the spool.
 * Memory holds one item and the streams' buffers, whatever the backup's size.
 *
 * It resolves only when all of the backup checks out, so nothing is applied from a backup that is not
 * whole: the compressed stream must have the size and SHA-256 `backup.json` records (and the store's own
 * digest, checked as the stream ends), the tar must parse to its end marker, every file must be listed in
 * the index, once, with its size and SHA-256, and every index entry must have its file. A planned file must
 * also hold the object its entry describes (`parseArchivedObject`). Otherwise it throws `JobFailure` naming
 * the archive and, where one is to blame, the item. An abort of `signal` rejects with the abort's error. A
 * location that stops sending mid-archive is the store's watch's to notice (`watchObjectStore`, which jobs get
 * from `openWatchedStore`): its `StoreStalledError` is a `JobFailure` and is thrown as it is.
 */
export async function spoolArchive(
  store: ObjectStore,
  backup: BackupIndex,
  plan: readonly RestorePlanItem[],
  options: SpoolArchiveOptions = {},
): Promise<void> {
  const { spool, signal, onProgress, inspect } = options;
  const key = backup.keys.archive;
  const recorded = backup.manifest.archive;
  const entries = new Map(backup.entries.map((entry) => [entry.path, entry]));
  const wanted = new Map(plan.map((item) => [item.entry.path, item]));
  const seen = new Set<string>();
  const damaged = (path: string, why: string) => new JobFailure(`item '${path}' in ${key} is damaged: ${why}`);

  const meter: Sha256Meter = new Sha256Meter({
    check: (sha256) => {
      if (meter.bytes !== recorded.size) {
        return new JobFailure(`${key} is damaged: ${meter.bytes} bytes, but backup.json records ${recorded.size}`);
      }
      if (sha256 !== recorded.sha256) {
        return new JobFailure(`${key} is damaged: its SHA-256 differs from the one backup.json records`);
      }
      return undefined;
    },
  });
  const beforeContent = (path: string, size: number) => {
    const entry = entries.get(path);
    if (!entry) throw new JobFailure(`${key} holds '${path}', which the index does not list`);
    if (seen.has(path)) throw new JobFailure(`${key} holds '${path}' twice`);
    // Checked before the content is read, so a damaged size never makes the reader hold more than the index allows.
    if (size !== entry.size) throw damaged(path, `${size} bytes, but its index entry records ${entry.size}`);
  };

  let source: Readable;
  try {
    source = await store.get(key);
  } catch (error) {
    throw new JobFailure(`reading ${key} failed: ${messageOf(error)}`, { cause: error });
  }
  try {
    await pipeline(
      source,
      meter,
      createGunzip(),
      async (tar: AsyncIterable<Buffer>) => {
        for await (const file of readTar(tar, { beforeContent })) {
          const entry = entries.get(file.path);
          if (!entry) throw new Error(`readTar passed '${file.path}', which beforeContent refused`);
          seen.add(file.path);
          if (createHash('sha256').update(file.content).digest('hex') !== entry.sha256) {
            throw damaged(file.path, 'its SHA-256 differs from its index entry');
          }
          const item = wanted.get(file.path);
          if (item) {
            let object: KubeObject;
            try {
              object = parseArchivedObject(entry, file.content);
            } catch (error) {
              throw damaged(file.path, messageOf(error));
            }
            inspect?.(item, object);
            await spool?.write(file.path, file.content);
          }
          onProgress?.(meter.bytes);
        }
      },
      { signal },
    );
  } catch (error) {
    throw failureOf(key, error, signal);
  }
  for (const entry of backup.entries) {
    if (!seen.has(entry.path)) throw new JobFailure(`item '${entry.path}' is in the index but missing from ${key}`);
  }
}

/** What the user is told when the pipeline failed: ours as they are, the archive's named, the store's as a read. */
function failureOf(key: string, error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted || error instanceof JobFailure) return error;
  if (error instanceof TarFormatError) return new JobFailure(`${key} is damaged: ${error.message}`, { cause: error });
  if (isZlibError(error)) {
    return new JobFailure(`${key} is damaged: it does not decompress (${error.message})`, { cause: error });
  }
  return new JobFailure(`reading ${key} failed: ${messageOf(error)}`, { cause: error });
}

/** zlib's errors carry a `Z_…` code (`Z_DATA_ERROR`, `Z_BUF_ERROR`). */
function isZlibError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('Z_');
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
