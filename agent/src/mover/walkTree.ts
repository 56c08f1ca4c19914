import type { BigIntStats } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';

/** One entry of a walked tree: its path relative to the root (bytes; the root itself is empty) and its `lstat`. */
export interface WalkedEntry {
  readonly path: Buffer;
  readonly absolute: Buffer;
  readonly stat: BigIntStats;
}

/** An entry the walk leaves out, with why (a FIFO, a socket, a device, an unreadable directory). */
export interface SkippedEntry {
  readonly path: Buffer;
  /** `unsupported`: a kind never backed up; `unreadable`: it could not be read, so the snapshot lacks it. */
  readonly kind: 'unsupported' | 'unreadable';
  readonly reason: string;
}

interface Frame {
  readonly path: Buffer;
  readonly absolute: Buffer;
  readonly names: Buffer[];
  next: number;
}

const slash = Buffer.from('/');

/**
 * Walks the tree under `root` depth first, every directory's names sorted bytewise, yielding directories before
 * their contents: the order of `comparePaths`, which manifests are written in and incremental backups merge
 * on. Directories, regular files and symlinks are yielded; symlinks are not followed (the root may be one).
 * Other kinds, and entries that vanish or cannot be read, go to `onSkip`. Memory: the names of the directories
 * on the current path, which for a directory of a million files is a million small buffers.
 */
export async function* walkTree(root: string, onSkip: (skipped: SkippedEntry) => void): AsyncGenerator<WalkedEntry> {
  const absoluteRoot = Buffer.from(root);
  const rootStat = await stat(absoluteRoot, { bigint: true });
  if (!rootStat.isDirectory()) throw new Error(`${root} is not a directory`);
  yield { path: Buffer.alloc(0), absolute: absoluteRoot, stat: rootStat };
  const stack: Frame[] = [];
  const rootNames = await listNames(absoluteRoot, Buffer.alloc(0), onSkip);
  if (rootNames) stack.push({ path: Buffer.alloc(0), absolute: absoluteRoot, names: rootNames, next: 0 });
  while (stack.length > 0) {
    const frame = stack.at(-1) as Frame;
    const name = frame.names[frame.next++];
    if (name === undefined) {
      stack.pop();
      continue;
    }
    const path = frame.path.length ? Buffer.concat([frame.path, slash, name]) : name;
    const absolute = Buffer.concat([frame.absolute, slash, name]);
    let entryStat: BigIntStats;
    try {
      entryStat = await lstat(absolute, { bigint: true });
    } catch (error) {
      onSkip({ path, kind: 'unreadable', reason: `it could not be read: ${(error as Error).message}` });
      continue;
    }
    const unsupported = unsupportedKind(entryStat);
    if (unsupported) {
      onSkip({ path, kind: 'unsupported', reason: `${unsupported} is not backed up` });
      continue;
    }
    yield { path, absolute, stat: entryStat };
    if (entryStat.isDirectory()) {
      const names = await listNames(absolute, path, onSkip);
      if (names) stack.push({ path, absolute, names, next: 0 });
    }
  }
}

async function listNames(absolute: Buffer, path: Buffer, onSkip: (skipped: SkippedEntry) => void): Promise<Buffer[] | undefined> {
  try {
    return (await readdir(absolute, { encoding: 'buffer' })).sort(Buffer.compare);
  } catch (error) {
    onSkip({ path, kind: 'unreadable', reason: `its contents could not be listed: ${(error as Error).message}` });
    return undefined;
  }
}

function unsupportedKind(entry: BigIntStats): string | undefined {
  if (entry.isFile() || entry.isDirectory() || entry.isSymbolicLink()) return undefined;
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return 'an entry of unknown kind';
}
