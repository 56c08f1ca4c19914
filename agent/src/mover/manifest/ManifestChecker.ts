import { comparePaths } from './comparePaths.ts';
import type { ManifestEntry } from './ManifestEntry.ts';

const slash = 0x2f;

/**
 * Checks, entry by entry, what a manifest read from a repository claims before anything acts on it: paths
 * that cannot leave the restore target (no empty, `.` or `..` component, no NUL), strict walk order, every
 * entry's parent an earlier directory entry (so a restore never writes through a symlink it made), hole and
 * chunk lengths that add up to the file's size. Returns the reason an entry is refused, or `undefined`.
 * Holds one path per directory level of the current entry.
 */
export class ManifestChecker {
  private readonly directories: Buffer[] = [];
  private previous: Buffer | undefined;

  check(entry: ManifestEntry): string | undefined {
    const { path } = entry;
    if (this.previous === undefined) {
      this.previous = path;
      if (entry.kind !== 'directory' || path.length !== 0) return 'the first entry is not the backed-up directory';
      this.directories.push(path);
      return undefined;
    }
    const problem = pathProblem(path) ?? this.orderProblem(path) ?? this.parentProblem(path) ?? entryProblem(entry);
    this.previous = path;
    if (problem === undefined && entry.kind === 'directory') this.directories.push(path);
    return problem;
  }

  private orderProblem(path: Buffer): string | undefined {
    return comparePaths(this.previous as Buffer, path) < 0 ? undefined : 'it is out of order';
  }

  private parentProblem(path: Buffer): string | undefined {
    const cut = path.lastIndexOf(slash);
    const parent = cut < 0 ? Buffer.alloc(0) : path.subarray(0, cut);
    while (this.directories.length > 0 && !(this.directories.at(-1) as Buffer).equals(parent)) this.directories.pop();
    return this.directories.length > 0 ? undefined : 'its parent is not a directory of the snapshot';
  }
}

function pathProblem(path: Buffer): string | undefined {
  if (path.includes(0)) return 'its path holds a NUL byte';
  let start = 0;
  for (;;) {
    const end = path.indexOf(slash, start);
    const component = path.subarray(start, end < 0 ? path.length : end);
    if (component.length === 0) return 'its path has an empty component';
    if (component.length <= 2 && component.every((byte) => byte === 0x2e)) return 'its path has a . or .. component';
    if (end < 0) return undefined;
    start = end + 1;
  }
}

function entryProblem(entry: ManifestEntry): string | undefined {
  if (entry.kind !== 'hardlink' && entry.metadata.mode > 0o7777) return 'its mode has bits beyond 0o7777';
  switch (entry.kind) {
    case 'directory':
      return undefined;
    case 'symlink':
      return entry.target.length === 0 || entry.target.includes(0) ? 'its link target is empty or holds a NUL byte' : undefined;
    case 'hardlink':
      return pathProblem(entry.target) ?? (comparePaths(entry.target, entry.path) < 0 ? undefined : 'it links to a later path');
    case 'file': {
      let end = 0;
      let holeBytes = 0;
      for (const hole of entry.holes) {
        if (hole.offset < end || hole.length === 0 || hole.offset + hole.length > entry.size) return 'its holes overlap or pass its size';
        end = hole.offset + hole.length;
        holeBytes += hole.length;
      }
      let dataBytes = 0;
      for (const chunk of entry.chunks) {
        if (chunk.length === 0) return 'it has an empty chunk';
        dataBytes += chunk.length;
      }
      return dataBytes === entry.size - holeBytes ? undefined : 'its chunks and holes do not add up to its size';
    }
  }
}
