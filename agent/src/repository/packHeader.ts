import { chunkIdLength } from './ChunkLocation.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';

/** One chunk as a pack's header lists it: its id and where its sealed form lies in the pack. */
export interface PackEntry {
  readonly id: Buffer;
  readonly offset: number;
  readonly length: number;
  readonly plainLength: number;
}

const headerVersion = 1;
/** id (32) ‖ offset, sealed length, plain length (u32 little-endian each). */
const entryLength = chunkIdLength + 12;

/** The plaintext of a pack header: version (1 byte) ‖ entry count (u32) ‖ entries. */
export function encodePackHeader(entries: readonly PackEntry[]): Buffer {
  const out = Buffer.alloc(5 + entries.length * entryLength);
  let at = out.writeUInt8(headerVersion, 0);
  at = out.writeUInt32LE(entries.length, at);
  for (const entry of entries) {
    at += entry.id.copy(out, at);
    at = out.writeUInt32LE(entry.offset, at);
    at = out.writeUInt32LE(entry.length, at);
    at = out.writeUInt32LE(entry.plainLength, at);
  }
  return out;
}

/**
 * The entries of an opened pack header. `dataLength` is how many bytes of the pack precede the header: an
 * entry reaching past it is corrupt.
 */
export function parsePackHeader(plaintext: Buffer, dataLength: number, what: string): PackEntry[] {
  const fail = (reason: string) => new CorruptObjectError(what, reason);
  if (plaintext.length < 5 || plaintext[0] !== headerVersion) throw fail(`its header layout version is not ${headerVersion}`);
  const count = plaintext.readUInt32LE(1);
  if (5 + count * entryLength !== plaintext.length) throw fail(`its header's length does not fit its ${count} entries`);
  const entries: PackEntry[] = [];
  for (let i = 0, at = 5; i < count; i++, at += entryLength) {
    const entry = {
      id: Buffer.from(plaintext.subarray(at, at + chunkIdLength)),
      offset: plaintext.readUInt32LE(at + chunkIdLength),
      length: plaintext.readUInt32LE(at + chunkIdLength + 4),
      plainLength: plaintext.readUInt32LE(at + chunkIdLength + 8),
    };
    if (entry.offset + entry.length > dataLength) throw fail(`its header lists a chunk past the end of its data`);
    entries.push(entry);
  }
  return entries;
}
