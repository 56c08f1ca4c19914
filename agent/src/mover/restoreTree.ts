import { chmod, chown, lchown, link, lstat, lutimes, mkdir, symlink, unlink, utimes } from 'node:fs/promises';
import type { MoverRepository } from './MoverRepository.ts';
import type { EntryMetadata, ManifestEntry } from './manifest/ManifestEntry.ts';
import { readManifest } from './manifest/readManifest.ts';
import { nsToSeconds } from './nsToSeconds.ts';
import { PathSelection } from './PathSelection.ts';
import { type Progress, ProgressMeter } from './Progress.ts';
import { clearWay, restoreFile } from './restoreFile.ts';
import { Semaphore } from './Semaphore.ts';

export interface RestoreOptions {
  /** Paths in the snapshot to restore, each with everything under it; all of it when empty. */
  readonly paths?: readonly string[];
  /** Files downloaded and written at once; 4 unless given. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: Progress) => void;
}

/** An entry that was not restored, or a chosen path the snapshot does not hold. */
export interface RestoreFailure {
  readonly path: Buffer;
  readonly reason: string;
}

export interface RestoreResult {
  readonly directories: number;
  readonly files: number;
  readonly symlinks: number;
  readonly hardlinks: number;
  readonly bytes: number;
  /** Whether owners were restored: only a process running as root may give files away. */
  readonly ownership: boolean;
  readonly failures: readonly RestoreFailure[];
}

const slash = Buffer.from('/');

/**
 * Restores a snapshot, or the chosen paths of it, into `targetDir`. Directories are made as they come, up to
 * `concurrency` files are downloaded and written at once (holes left unwritten), then hard links and symlinks;
 * directories get their owner, mode and mtime last, deepest first, so writing into them is never refused and
 * their times are not disturbed. A file or link that fails is reported in `failures` with its path and the rest
 * still restore. The manifest is read twice (once to plan, once to restore) and never held as entries.
 */
export async function restoreTree(repository: MoverRepository, snapshotId: string, targetDir: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const { manifest } = await repository.readSnapshot(snapshotId);
  const what = `snapshot ${snapshotId}`;
  const selection = new PathSelection(options.paths);
  const meter = new ProgressMeter(options.onProgress);
  const failures: RestoreFailure[] = [];
  // Paths of files that chosen hard links refer to.
  const linkTargets = new Set<string>();
  for await (const entry of readManifest(manifest, what)) {
    if (!selection.select(entry.path, entry.kind === 'directory')) continue;
    if (entry.kind === 'file') {
      meter.filesTotal++;
      meter.bytesTotal += entry.size;
    } else if (entry.kind === 'hardlink') {
      meter.filesTotal++;
      linkTargets.add(entry.target.toString('latin1'));
    }
  }
  for (const path of selection.unmatched()) failures.push({ path: Buffer.from(path), reason: 'the snapshot holds no such path' });

  const owners = process.getuid?.() === 0;
  const counts = { directories: 0, files: 0, symlinks: 0, hardlinks: 0, bytes: 0 };
  const directories: { absolute: Buffer; metadata: EntryMetadata }[] = [];
  const placed = new Map<string, Promise<Buffer | undefined>>();
  const inFlight = new Set<Promise<unknown>>();
  const writes = new Semaphore(options.concurrency ?? 4);
  const root = Buffer.from(targetDir);
  const absoluteOf = (path: Buffer) => (path.length ? Buffer.concat([root, slash, path]) : root);
  const track = (work: Promise<unknown>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const fail = (path: Buffer, error: unknown) => failures.push({ path, reason: (error as Error).message });
  const deferred = new Map<string, Extract<ManifestEntry, { kind: 'file' }>>();
  // Starts writing a file at `path`; resolves to where it was written, or undefined when it failed.
  const restoreAt = (entry: Extract<ManifestEntry, { kind: 'file' }>, path: Buffer): Promise<Buffer | undefined> => {
    const at = absoluteOf(path);
    const written = writes.use(() => restoreFile(repository, entry, at, owners)).then(
      () => {
        counts.files++;
        counts.bytes += entry.size;
        meter.fileDone(entry.size);
        return at;
      },
      (error: unknown) => {
        fail(path, error);
        return undefined;
      },
    );
    track(written);
    return written;
  };

  await mkdir(root, { recursive: true });
  for await (const entry of readManifest(manifest, what)) {
    const key = entry.path.toString('latin1');
    const chosen = selection.select(entry.path, entry.kind === 'directory');
    const linkedTo = linkTargets.has(key);
    if (!chosen && !(entry.kind === 'file' && linkedTo)) continue;
    const absolute = absoluteOf(entry.path);
    try {
      switch (entry.kind) {
        case 'directory':
          if (entry.path.length > 0) await makeDirectory(absolute);
          directories.push({ absolute, metadata: entry.metadata });
          counts.directories++;
          break;
        case 'file': {
          if (!chosen) {
            // Its directory may not exist yet: the first chosen link restores it when its turn comes.
            deferred.set(key, entry);
            break;
          }
          const written = restoreAt(entry, entry.path);
          if (linkedTo) placed.set(key, written);
          break;
        }
        case 'symlink':
          await clearWay(absolute, false);
          await symlink(entry.target, absolute);
          if (owners) await lchown(absolute, entry.metadata.uid, entry.metadata.gid);
          await lutimes(absolute, nsToSeconds(entry.metadata.mtimeNs), nsToSeconds(entry.metadata.mtimeNs));
          counts.symlinks++;
          break;
        case 'hardlink': {
          const targetKey = entry.target.toString('latin1');
          const file = deferred.get(targetKey);
          if (file) {
            deferred.delete(targetKey);
            placed.set(targetKey, restoreAt(file, entry.path));
          }
          const source = placed.get(targetKey);
          track(
            (async () => {
              const from = await source;
              if (!from) throw new Error(`the file it links to (${entry.target.toString('utf8')}) was not restored`);
              if (!from.equals(absolute)) {
                await clearWay(absolute, false);
                await link(from, absolute);
              }
              counts.hardlinks++;
              meter.fileDone(0);
            })().catch((error: unknown) => fail(entry.path, error)),
          );
          break;
        }
      }
    } catch (error) {
      fail(entry.path, error);
    }
  }
  while (inFlight.size > 0) await Promise.all(inFlight);
  for (const { absolute, metadata } of directories.reverse()) {
    try {
      await finishDirectory(absolute, metadata, owners);
    } catch (error) {
      fail(absolute.subarray(Math.min(absolute.length, root.length + 1)), error);
    }
  }
  meter.send();
  return { ...counts, ownership: owners, failures };
}

async function makeDirectory(absolute: Buffer): Promise<void> {
  const existing = await lstat(absolute).catch(() => undefined);
  if (existing?.isDirectory()) return;
  // Anything else in the way, a symlink above all, is replaced: nothing is ever written through it.
  if (existing) await unlink(absolute);
  await mkdir(absolute, { mode: 0o700 });
}

async function finishDirectory(absolute: Buffer, metadata: EntryMetadata, owners: boolean): Promise<void> {
  if (owners) await chown(absolute, metadata.uid, metadata.gid);
  await chmod(absolute, metadata.mode);
  const mtime = nsToSeconds(metadata.mtimeNs);
  await utimes(absolute, mtime, mtime);
}
