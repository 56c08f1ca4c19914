import { Readable } from 'node:stream';
import { createZstdDecompress } from 'node:zlib';
import { CorruptObjectError } from '../../repository/CorruptObjectError.ts';
import { ByteReader, NeedMoreBytes } from './ByteReader.ts';
import { decodeEntry } from './decodeEntry.ts';
import { ManifestChecker } from './ManifestChecker.ts';
import type { ManifestEntry } from './ManifestEntry.ts';
import { manifestMagic, manifestVersion } from './manifestFormat.ts';

/**
 * The entries of a snapshot manifest, in walk order, decompressed and decoded as they are consumed: memory
 * holds the current record and one piece of decompressed input, never the whole list. Each entry is checked
 * (`ManifestChecker`) before it is yielded; a manifest that is cut short, malformed or refused throws a
 * `CorruptObjectError` naming `what` (e.g. the snapshot) and the entry.
 */
export async function* readManifest(manifest: Buffer, what: string): AsyncGenerator<ManifestEntry> {
  const header = manifest.subarray(0, manifestMagic.length + 1);
  if (!header.subarray(0, manifestMagic.length).equals(manifestMagic)) {
    throw new CorruptObjectError(what, 'it is not a snapshot manifest');
  }
  if (header[manifestMagic.length] !== manifestVersion) {
    throw new CorruptObjectError(what, `its manifest format version ${header[manifestMagic.length]} is not one this mover reads; upgrade it`);
  }
  const checker = new ManifestChecker();
  let previousPath: Buffer = Buffer.alloc(0);
  let count = 0;
  let ended = false;
  let pending: Buffer = Buffer.alloc(0);
  // Bytes waiting beyond `pending`: a record longer than one piece is retried only once the waiting bytes
  // reach what was tried, so long records cost linear time.
  let waiting: Buffer[] = [];
  let waitingBytes = 0;
  function* decodeWaiting(): Generator<ManifestEntry> {
    const reader = new ByteReader(Buffer.concat([pending, ...waiting]));
    waiting = [];
    waitingBytes = 0;
    for (;;) {
      const start = reader.position;
      let record: ReturnType<typeof decodeEntry>;
      try {
        record = decodeEntry(reader, previousPath);
      } catch (error) {
        if (!(error instanceof NeedMoreBytes)) throw error;
        pending = reader.buffer.subarray(start);
        return;
      }
      if (ended) throw new CorruptObjectError(what, 'it has records after its end');
      if (record.end) {
        if (record.entries !== count) throw new CorruptObjectError(what, `it ends after ${count} entries but says ${record.entries}`);
        ended = true;
        continue;
      }
      const problem = checker.check(record.entry);
      if (problem) throw new CorruptObjectError(what, `entry ${count + 1} (${record.entry.path.toString('utf8')}) is refused: ${problem}`);
      previousPath = record.entry.path;
      count++;
      yield record.entry;
    }
  }
  const decompressed = Readable.from([manifest.subarray(header.length)]).pipe(createZstdDecompress());
  try {
    for await (const piece of decompressed as AsyncIterable<Buffer>) {
      waiting.push(piece);
      waitingBytes += piece.length;
      if (waitingBytes >= pending.length) yield* decodeWaiting();
    }
    if (waitingBytes > 0) yield* decodeWaiting();
  } catch (error) {
    if (error instanceof CorruptObjectError) throw error;
    throw new CorruptObjectError(what, `its records do not decode (${(error as Error).message})`, { cause: error });
  }
  if (!ended || pending.length > 0) throw new CorruptObjectError(what, 'it is cut short');
}
