import type { ChunkRef } from '../../repository/Repository.ts';
import type { ByteReader } from './ByteReader.ts';
import type { EntryMetadata, Extent, ManifestEntry } from './ManifestEntry.ts';
import { chunkIdLength, recordTypes } from './manifestFormat.ts';

/** A record that is not the end record, or the end record with the entry count it states. */
export type DecodedRecord = { end: false; entry: ManifestEntry } | { end: true; entries: number };

/**
 * Reads one record written by `encodeEntry`. Throws `NeedMoreBytes` when the record runs past the buffer and
 * `RangeError` when its bytes cannot be a record; what the fields mean is checked by `ManifestChecker`.
 */
export function decodeEntry(reader: ByteReader, previousPath: Buffer): DecodedRecord {
  const type = reader.byte();
  if (type === recordTypes.end) return { end: true, entries: reader.uint() };
  const shared = reader.uint();
  if (shared > previousPath.length) throw new RangeError('a path shares more bytes with the previous path than it has');
  const path = Buffer.concat([previousPath.subarray(0, shared), reader.lengthPrefixed()]);
  switch (type) {
    case recordTypes.directory:
      return { end: false, entry: { kind: 'directory', path, metadata: readMetadata(reader) } };
    case recordTypes.file: {
      const metadata = readMetadata(reader);
      const size = reader.uint();
      const ctimeNs = reader.bigint();
      const inode = reader.biguint();
      const holes: Extent[] = [];
      for (let n = reader.uint(); n > 0; n--) holes.push({ offset: reader.uint(), length: reader.uint() });
      const chunks: ChunkRef[] = [];
      for (let n = reader.uint(); n > 0; n--) {
        chunks.push({ id: Buffer.from(reader.bytes(chunkIdLength)), length: reader.uint() });
      }
      return { end: false, entry: { kind: 'file', path, metadata, size, ctimeNs, inode, holes, chunks } };
    }
    case recordTypes.symlink: {
      const metadata = readMetadata(reader);
      return { end: false, entry: { kind: 'symlink', path, metadata, target: Buffer.from(reader.lengthPrefixed()) } };
    }
    case recordTypes.hardlink:
      return { end: false, entry: { kind: 'hardlink', path, target: Buffer.from(reader.lengthPrefixed()) } };
    default:
      throw new RangeError(`record type ${type} is not one of this format`);
  }
}

function readMetadata(reader: ByteReader): EntryMetadata {
  return { mode: reader.uint(), uid: reader.uint(), gid: reader.uint(), mtimeNs: reader.bigint() };
}
