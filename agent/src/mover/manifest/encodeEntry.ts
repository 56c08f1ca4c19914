import type { ByteWriter } from './ByteWriter.ts';
import type { EntryMetadata, ManifestEntry } from './ManifestEntry.ts';
import { chunkIdLength, recordTypes } from './manifestFormat.ts';

/**
 * Appends one entry's record. The path is stored as the length of the prefix it shares with `previousPath`
 * and the rest, which keeps deep trees with long names small before compression.
 */
export function encodeEntry(writer: ByteWriter, entry: ManifestEntry, previousPath: Buffer): void {
  writer.byte(recordTypes[entry.kind]);
  const shared = sharedPrefix(previousPath, entry.path);
  writer.uint(shared);
  writer.lengthPrefixed(entry.path.subarray(shared));
  switch (entry.kind) {
    case 'directory':
      writeMetadata(writer, entry.metadata);
      return;
    case 'file':
      writeMetadata(writer, entry.metadata);
      writer.uint(entry.size);
      writer.bigint(entry.ctimeNs);
      writer.biguint(entry.inode);
      writer.uint(entry.holes.length);
      for (const hole of entry.holes) {
        writer.uint(hole.offset);
        writer.uint(hole.length);
      }
      writer.uint(entry.chunks.length);
      for (const chunk of entry.chunks) {
        if (chunk.id.length !== chunkIdLength) throw new RangeError(`a chunk id is ${chunk.id.length} bytes, not ${chunkIdLength}`);
        writer.bytes(chunk.id);
        writer.uint(chunk.length);
      }
      return;
    case 'symlink':
      writeMetadata(writer, entry.metadata);
      writer.lengthPrefixed(entry.target);
      return;
    case 'hardlink':
      writer.lengthPrefixed(entry.target);
      return;
  }
}

function writeMetadata(writer: ByteWriter, metadata: EntryMetadata): void {
  writer.uint(metadata.mode);
  writer.uint(metadata.uid);
  writer.uint(metadata.gid);
  writer.bigint(metadata.mtimeNs);
}

function sharedPrefix(a: Buffer, b: Buffer): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a[i] === b[i]) i++;
  return i;
}
