import { zstdDecompressSync } from 'node:zlib';
import { CorruptObjectError } from '../../repository/CorruptObjectError.ts';
import { ByteReader, NeedMoreBytes } from './ByteReader.ts';
import { decodeEntry } from './decodeEntry.ts';
import { ManifestChecker } from './ManifestChecker.ts';
import { manifestMagic, manifestVersion } from './manifestFormat.ts';

/**
 * The chunk ids a snapshot manifest refers to, for the repository's prune and check (which do not read
 * manifests and take them synchronously). Checked like `readManifest`; a manifest that does not decode throws
 * a `CorruptObjectError`, which stops a prune before it deletes anything. Holds the decompressed manifest
 * whole (tens of MiB for a million entries), not its entries.
 */
export function* manifestChunkIds(manifest: Buffer, what = 'a snapshot manifest'): Generator<Buffer> {
  if (!manifest.subarray(0, manifestMagic.length).equals(manifestMagic) || manifest[manifestMagic.length] !== manifestVersion) {
    throw new CorruptObjectError(what, 'it is not a snapshot manifest of a version this mover reads');
  }
  let reader: ByteReader;
  try {
    reader = new ByteReader(zstdDecompressSync(manifest.subarray(manifestMagic.length + 1)));
  } catch (error) {
    throw new CorruptObjectError(what, `it does not decompress (${(error as Error).message})`, { cause: error });
  }
  const checker = new ManifestChecker();
  let previousPath: Buffer = Buffer.alloc(0);
  let count = 0;
  for (;;) {
    let record: ReturnType<typeof decodeEntry>;
    try {
      record = decodeEntry(reader, previousPath);
    } catch (error) {
      const reason = error instanceof NeedMoreBytes ? 'it is cut short' : `its records do not decode (${(error as Error).message})`;
      throw new CorruptObjectError(what, reason, { cause: error });
    }
    if (record.end) {
      if (record.entries !== count || reader.remaining > 0) throw new CorruptObjectError(what, 'its end record does not match its entries');
      return;
    }
    const problem = checker.check(record.entry);
    if (problem) throw new CorruptObjectError(what, `entry ${count + 1} is refused: ${problem}`);
    previousPath = record.entry.path;
    count++;
    if (record.entry.kind === 'file') for (const chunk of record.entry.chunks) yield chunk.id;
  }
}
