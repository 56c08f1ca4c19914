import { constants } from 'node:fs';
import { lstat, open, unlink } from 'node:fs/promises';
import type { MoverRepository } from './MoverRepository.ts';
import type { ManifestEntry } from './manifest/ManifestEntry.ts';
import { nsToSeconds } from './nsToSeconds.ts';

type FileEntry = Extract<ManifestEntry, { kind: 'file' }>;

/**
 * Writes a file of a snapshot at `absolute`, in place (an existing file there is overwritten, another kind of
 * entry but a directory replaced): truncated to its size so holes stay unallocated, then only its data extents
 * written, then owner (when `chown`), mode and mtime. A file whose content cannot be read is removed, so
 * nothing half-written looks restored, and the error is thrown for the caller to report.
 */
export async function restoreFile(repository: MoverRepository, entry: FileEntry, absolute: Buffer, chown: boolean): Promise<void> {
  await clearWay(absolute);
  const file = await open(absolute, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  try {
    await file.truncate(0);
    await file.truncate(entry.size);
    let position = 0;
    let holeIndex = 0;
    for await (const piece of repository.readContent(entry.chunks)) {
      let offset = 0;
      while (offset < piece.length) {
        const hole = entry.holes[holeIndex];
        if (hole && position === hole.offset) {
          position += hole.length;
          holeIndex++;
          continue;
        }
        const length = Math.min(piece.length - offset, hole ? hole.offset - position : Infinity);
        const { bytesWritten } = await file.write(piece, offset, length, position);
        offset += bytesWritten;
        position += bytesWritten;
      }
    }
    const { metadata } = entry;
    // chown clears set-uid and set-gid bits, so the mode comes after it.
    if (chown) await file.chown(metadata.uid, metadata.gid);
    await file.chmod(metadata.mode);
    const mtime = nsToSeconds(metadata.mtimeNs);
    await file.utimes(mtime, mtime);
  } catch (error) {
    await file.close();
    await unlink(absolute).catch(() => undefined);
    throw error;
  }
  await file.close();
}

/** Makes room for a non-directory entry: an existing symlink, FIFO or other non-file is removed. */
export async function clearWay(absolute: Buffer, keepFiles = true): Promise<void> {
  const existing = await lstat(absolute).catch(() => undefined);
  if (!existing) return;
  if (existing.isDirectory()) throw new Error('a directory is in the way in the target');
  if (!existing.isFile() || !keepFiles) await unlink(absolute);
}
