import type { ChunkColumns } from './ChunkIndex.ts';
import { chunkIdLength } from './ChunkLocation.ts';
import type { ChunkTable } from './ChunkTable.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';

/** The layout version of an index object's plaintext. */
const indexVersion = 1;
const packIdLength = 16;
/** id (32) ‖ pack number, offset, sealed length, plain length (4 bytes each, little-endian). */
const entryLength = chunkIdLength + 16;

/**
 * The plaintext of an index object: version (1 byte) ‖ pack count (u32) ‖ pack ids (16 bytes each) ‖ entry
 * count (u32) ‖ entries (chunk id, pack number, offset, sealed length, plain length). Integers little-endian.
 */
export function encodeIndexObject(columns: ChunkColumns): Buffer {
  const { packs, count } = columns;
  const out = Buffer.alloc(1 + 4 + packs.length * packIdLength + 4 + count * entryLength);
  let at = out.writeUInt8(indexVersion, 0);
  at = out.writeUInt32LE(packs.length, at);
  for (const pack of packs) at += Buffer.from(pack, 'hex').copy(out, at);
  at = out.writeUInt32LE(count, at);
  for (let i = 0; i < count; i++) {
    at += columns.ids.copy(out, at, i * chunkIdLength, (i + 1) * chunkIdLength);
    at = out.writeUInt32LE(columns.pack[i]!, at);
    at = out.writeUInt32LE(columns.offset[i]!, at);
    at = out.writeUInt32LE(columns.length[i]!, at);
    at = out.writeUInt32LE(columns.plainLength[i]!, at);
  }
  return out;
}

/** Adds the entries of an opened index object to `into`; a malformed one throws `CorruptObjectError`. */
export function readIndexObject(plaintext: Buffer, what: string, into: ChunkTable): number {
  const fail = (reason: string) => new CorruptObjectError(what, reason);
  if (plaintext.length < 9 || plaintext[0] !== indexVersion) throw fail(`its index layout version is not ${indexVersion}`);
  const packCount = plaintext.readUInt32LE(1);
  const entriesAt = 5 + packCount * packIdLength;
  if (entriesAt + 4 > plaintext.length) throw fail(`it is too short for its ${packCount} packs`);
  const packs: string[] = [];
  for (let i = 0; i < packCount; i++) {
    packs.push(plaintext.toString('hex', 5 + i * packIdLength, 5 + (i + 1) * packIdLength));
  }
  const count = plaintext.readUInt32LE(entriesAt);
  if (entriesAt + 4 + count * entryLength !== plaintext.length) throw fail(`its length does not fit its ${count} entries`);
  for (let i = 0, at = entriesAt + 4; i < count; i++, at += entryLength) {
    const packNumber = plaintext.readUInt32LE(at + chunkIdLength);
    const pack = packs[packNumber];
    if (pack === undefined) throw fail(`entry ${i} names pack number ${packNumber} of ${packCount}`);
    into.add(plaintext.subarray(at, at + chunkIdLength), {
      pack,
      offset: plaintext.readUInt32LE(at + chunkIdLength + 4),
      length: plaintext.readUInt32LE(at + chunkIdLength + 8),
      plainLength: plaintext.readUInt32LE(at + chunkIdLength + 12),
    });
  }
  return count;
}
