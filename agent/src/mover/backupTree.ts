import { readlink } from 'node:fs/promises';
import type { ContentWriter, SnapshotInfo, WriteStats } from '../repository/Repository.ts';
import { fileMetadata } from './fileMetadata.ts';
import type { MoverRepository } from './MoverRepository.ts';
import { ManifestEncoder } from './manifest/ManifestEncoder.ts';
import type { ManifestEntry } from './manifest/ManifestEntry.ts';
import { readManifest } from './manifest/readManifest.ts';
import { orderedMap } from './orderedMap.ts';
import { ParentCursor } from './ParentCursor.ts';
import { type Progress, ProgressMeter } from './Progress.ts';
import { readFileData } from './readFileData.ts';
import { Semaphore } from './Semaphore.ts';
import { type SkippedEntry, type WalkedEntry, walkTree } from './walkTree.ts';

export interface BackupOptions {
  /** The id of a snapshot of the same tree: files unchanged since it are not read again. */
  readonly parent?: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** Files read and stored at once; 4 unless given. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: Progress) => void;
  /** An entry left out (a FIFO, a socket, a device) or a file that could not be read. */
  readonly onWarning?: (warning: SkippedEntry) => void;
}

export interface BackupStats {
  readonly directories: number;
  readonly files: number;
  readonly symlinks: number;
  readonly hardlinks: number;
  /** Entries of kinds not backed up (FIFOs, sockets, devices), each reported as a warning. */
  readonly skipped: number;
  /** Files and directories that could not be read: the snapshot lacks them. */
  readonly failed: number;
  /** Sizes of the files in the snapshot, holes included. */
  readonly bytes: number;
  /** Files read this time, and files whose chunk list came unread from the parent. */
  readonly filesRead: number;
  readonly filesReused: number;
  readonly stored: WriteStats;
}

export interface BackupResult {
  readonly snapshot: SnapshotInfo;
  readonly stats: BackupStats;
}

type Counters = { -readonly [K in keyof Omit<BackupStats, 'stored'>]: number };

/**
 * Backs up the tree under `sourceDir` into one snapshot: walks it in manifest order, reads up to `concurrency`
 * files at once into the repository, and saves the manifest with `tags` and `parent`. With a parent, a regular
 * file whose path, size, mtime, ctime and inode all match the parent's entry reuses that entry's chunks and
 * holes without being opened. Entries that cannot be backed up are reported to `onWarning` and counted; the
 * snapshot is saved without them.
 */
export async function backupTree(repository: MoverRepository, sourceDir: string, options: BackupOptions = {}): Promise<BackupResult> {
  const counters: Counters = { directories: 0, files: 0, symlinks: 0, hardlinks: 0, skipped: 0, failed: 0, bytes: 0, filesRead: 0, filesReused: 0 };
  const warn = (warning: SkippedEntry) => {
    if (warning.kind === 'unreadable') counters.failed++;
    else counters.skipped++;
    options.onWarning?.(warning);
  };
  const meter = new ProgressMeter(options.onProgress);
  const counted = options.onProgress ? countTree(sourceDir, meter) : Promise.resolve();
  const parent = options.parent
    ? new ParentCursor(readManifest((await repository.readSnapshot(options.parent)).manifest, `snapshot ${options.parent}`))
    : undefined;
  const writer = repository.openWriter();
  const reads = new Semaphore(options.concurrency ?? 4);
  const firstPaths = new Map<string, Buffer>();

  async function* planned(): AsyncGenerator<{ walked: WalkedEntry; previous: ManifestEntry | undefined }> {
    const walk = walkTree(sourceDir, warn);
    for await (const walked of walk) {
      yield { walked, previous: await parent?.find(walked.path) };
    }
  }

  const toEntry = async ({ walked, previous }: { walked: WalkedEntry; previous: ManifestEntry | undefined }) => {
    const { path, absolute, stat } = walked;
    if (stat.isDirectory()) return { kind: 'directory', path, metadata: fileMetadata(stat) } as const;
    if (stat.isSymbolicLink()) {
      return { kind: 'symlink', path, metadata: fileMetadata(stat), target: await readlink(absolute, { encoding: 'buffer' }) } as const;
    }
    if (stat.nlink > 1n) {
      // Hard links are decided in walk order, before any await, so the first path is always the earlier one.
      const key = `${stat.dev}:${stat.ino}`;
      const first = firstPaths.get(key);
      if (first) return { kind: 'hardlink', path, target: first } as const;
      firstPaths.set(key, path);
    }
    const common = { kind: 'file', path, metadata: fileMetadata(stat), ctimeNs: stat.ctimeNs, inode: stat.ino } as const;
    if (previous?.kind === 'file' && unchanged(previous, walked)) {
      counters.filesReused++;
      return { ...common, size: previous.size, holes: previous.holes, chunks: previous.chunks };
    }
    return reads.use(async () => {
      const { data, layout } = readFileData(absolute, Number(stat.size));
      const chunks = await writer.writeContent(data);
      counters.filesRead++;
      return { ...common, size: layout.size, holes: layout.holes, chunks };
    });
  };

  try {
    const encoder = new ManifestEncoder();
    const entries = orderedMap(planned(), 8 * (options.concurrency ?? 4), (item) =>
      toEntry(item).catch((error: unknown) => {
        warn({ path: item.walked.path, kind: 'unreadable', reason: `it could not be read: ${(error as Error).message}` });
        return undefined;
      }),
    );
    for await (const entry of entries) {
      if (!entry) continue;
      count(counters, entry);
      if (entry.kind === 'file' || entry.kind === 'hardlink') meter.fileDone(entry.kind === 'file' ? entry.size : 0);
      await encoder.add(entry);
    }
    await counted;
    const snapshot = await saveSnapshot(writer, await encoder.finish(), options);
    meter.send();
    return { snapshot, stats: { ...counters, stored: writer.stats() } };
  } catch (error) {
    // A backup that fails releases its writer now: its lease would otherwise block prune until it expires,
    // and what it uploaded is indexed for the next backup to reuse.
    await writer.close().catch((closeError: unknown) => {
      throw new AggregateError([error, closeError], `${String(error)}; closing the repository writer failed too: ${String(closeError)}`);
    });
    throw error;
  }
}

function unchanged(previous: Extract<ManifestEntry, { kind: 'file' }>, { stat }: WalkedEntry): boolean {
  return (
    BigInt(previous.size) === stat.size &&
    previous.metadata.mtimeNs === stat.mtimeNs &&
    previous.ctimeNs === stat.ctimeNs &&
    previous.inode === stat.ino
  );
}

function count(counters: Counters, entry: ManifestEntry): void {
  switch (entry.kind) {
    case 'directory':
      counters.directories++;
      return;
    case 'file':
      counters.files++;
      counters.bytes += entry.size;
      return;
    case 'symlink':
      counters.symlinks++;
      return;
    case 'hardlink':
      counters.hardlinks++;
      return;
  }
}

function saveSnapshot(writer: ContentWriter, manifest: Buffer, options: BackupOptions): Promise<SnapshotInfo> {
  return writer.saveSnapshot(manifest, { tags: options.tags ?? {}, ...(options.parent ? { parent: options.parent } : {}) });
}

/** Counts the tree's files and bytes beside the backup, so progress lines can say "of total". */
async function countTree(sourceDir: string, meter: ProgressMeter): Promise<void> {
  meter.counting = true;
  // A hard link's bytes are stored and restored once, so they are counted once.
  const linked = new Set<string>();
  try {
    for await (const { stat } of walkTree(sourceDir, () => undefined)) {
      if (!stat.isFile()) continue;
      meter.filesTotal++;
      if (stat.nlink > 1n) {
        const key = `${stat.dev}:${stat.ino}`;
        if (linked.has(key)) continue;
        linked.add(key);
      }
      meter.bytesTotal += Number(stat.size);
    }
  } catch {
    // Counting only feeds progress lines; the backup's own walk reports what it cannot read.
  } finally {
    meter.counting = false;
  }
}
