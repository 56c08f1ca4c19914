import type { ChunkRef } from '../../repository/Repository.ts';

/** Ownership, permissions and modification time, as `lstat` gave them at backup time. */
export interface EntryMetadata {
  /** Permission bits with set-uid, set-gid and sticky (`st_mode & 0o7777`); the type is the entry's kind. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Modification time in nanoseconds since the epoch (negative before 1970). */
  readonly mtimeNs: bigint;
}

/** A run of bytes in a file: a hole (all zero, not stored) or, implicitly, the data between holes. */
export interface Extent {
  readonly offset: number;
  readonly length: number;
}

/**
 * One record of a snapshot manifest. Paths are bytes relative to the backed-up directory, `/`-separated, the
 * directory itself being the empty path; names are never decoded, so any name the filesystem allows survives.
 */
export type ManifestEntry =
  | { readonly kind: 'directory'; readonly path: Buffer; readonly metadata: EntryMetadata }
  | {
      readonly kind: 'file';
      readonly path: Buffer;
      readonly metadata: EntryMetadata;
      readonly size: number;
      /** Change time and inode number: with size and mtime, they decide whether an incremental backup may reuse `chunks`. */
      readonly ctimeNs: bigint;
      readonly inode: bigint;
      /** All-zero runs not stored, in ascending order; `chunks` hold the other bytes, in order. */
      readonly holes: readonly Extent[];
      readonly chunks: readonly ChunkRef[];
    }
  | { readonly kind: 'symlink'; readonly path: Buffer; readonly metadata: EntryMetadata; readonly target: Buffer }
  /** A second or later path of a multiply-linked file: `target` is the path of the file entry that holds it. */
  | { readonly kind: 'hardlink'; readonly path: Buffer; readonly target: Buffer };

export type ManifestEntryKind = ManifestEntry['kind'];
