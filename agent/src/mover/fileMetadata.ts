import type { BigIntStats } from 'node:fs';
import type { EntryMetadata } from './manifest/ManifestEntry.ts';

/** The metadata a manifest keeps of an entry, from its `lstat`. */
export function fileMetadata(stat: BigIntStats): EntryMetadata {
  return { mode: Number(stat.mode) & 0o7777, uid: Number(stat.uid), gid: Number(stat.gid), mtimeNs: stat.mtimeNs };
}
