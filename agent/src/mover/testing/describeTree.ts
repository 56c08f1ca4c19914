import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';

/** One entry of a tree as a restore must reproduce it: kind, metadata, content digest, link structure. */
export interface DescribedEntry {
  path: string;
  kind: 'directory' | 'file' | 'symlink' | 'other';
  mode: number;
  uid: number;
  gid: number;
  mtimeNs: bigint;
  size?: number;
  sha256?: string;
  target?: string;
  /** For a file with more than one link: the first path (in this listing) of its inode. */
  linkedTo?: string;
}

/**
 * Lists the tree under `root` with everything a byte-for-byte and metadata comparison needs, names as
 * latin1 strings so any bytes compare exactly. Symlinks are not followed.
 */
export async function describeTree(root: string): Promise<DescribedEntry[]> {
  const entries: DescribedEntry[] = [];
  const firstOfInode = new Map<bigint, string>();
  async function visit(absolute: Buffer, path: string): Promise<void> {
    const stat = await lstat(absolute, { bigint: true });
    const base = { path, mode: Number(stat.mode) & 0o7777, uid: Number(stat.uid), gid: Number(stat.gid), mtimeNs: stat.mtimeNs };
    if (stat.isDirectory()) {
      entries.push({ ...base, kind: 'directory' });
      const names = (await readdir(absolute, { encoding: 'buffer' })).sort(Buffer.compare);
      for (const name of names) {
        await visit(Buffer.concat([absolute, Buffer.from('/'), name]), path ? `${path}/${name.toString('latin1')}` : name.toString('latin1'));
      }
    } else if (stat.isSymbolicLink()) {
      entries.push({ ...base, kind: 'symlink', mode: 0, target: (await readlink(absolute, { encoding: 'buffer' })).toString('latin1') });
    } else if (stat.isFile()) {
      const hash = createHash('sha256');
      for await (const piece of createReadStream(absolute)) hash.update(piece as Buffer);
      const entry: DescribedEntry = { ...base, kind: 'file', size: Number(stat.size), sha256: hash.digest('hex') };
      if (stat.nlink > 1n) {
        const first = firstOfInode.get(stat.ino);
        if (first) entry.linkedTo = first;
        else firstOfInode.set(stat.ino, path);
      }
      entries.push(entry);
    } else {
      entries.push({ ...base, kind: 'other' });
    }
  }
  await visit(Buffer.from(root), '');
  return entries;
}

/**
 * `restored` with each mtime replaced by the original's when they are less than a microsecond apart: Node
 * sets times as a double of seconds, so a restore keeps mtimes to within a microsecond, not to the nanosecond.
 */
export function alignMtimes(restored: DescribedEntry[], original: DescribedEntry[]): DescribedEntry[] {
  return restored.map((entry, index) => {
    const other = original[index];
    if (!other || other.path !== entry.path) return entry;
    const gap = entry.mtimeNs - other.mtimeNs;
    return gap > -1000n && gap < 1000n ? { ...entry, mtimeNs: other.mtimeNs } : entry;
  });
}
