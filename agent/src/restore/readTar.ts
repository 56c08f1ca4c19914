import { ByteReader } from './ByteReader.ts';

const block = 512;
/** Format v1's pax headers hold one `path=` record; anything near this size is not one of ours. */
const maxPaxHeader = 64 * 1024;

/** One regular file of a tar archive: its path (a pax `path=` record applied) and its bytes. */
export interface TarFile {
  path: string;
  content: Buffer;
}

export interface ReadTarOptions {
  /**
   * Called with each regular file's path and announced size before its content is read; throwing stops the
   * read with that error. The content of a file it lets through is held whole, so this is where a reader
   * refuses a size it would not hold (say, one that differs from what its index records).
   */
  beforeContent?: (path: string, size: number) => void;
}

/** The archive is not a tar archive as format v1 writes one; the message says where it breaks. */
export class TarFormatError extends Error {
  override readonly name = 'TarFormatError';
}

/**
 * The regular files of an uncompressed ustar archive, in archive order, parsed as `chunks` arrive (split
 * anywhere): only the file being read is held, and the next chunk is pulled only when the consumer asks for
 * the next file, so a slow consumer slows the source down. Reads what `tarEntry` writes: ustar headers
 * (`prefix/name`), POSIX.1-2001 pax extended headers (`x`) whose `path=` applies to the next file, and the
 * trailer of two zero blocks. Other entry types (directories, links, global pax headers) are skipped, never held,
 * since format v1 never writes them.
 *
 * Every header's checksum is verified; a header, content or trailer cut short throws `TarFormatError`, so a
 * truncated archive is never read as a shorter, complete one. After the trailer the rest of `chunks` is read
 * and ignored (writers pad to a record size), so the source is always consumed to its end and whatever
 * checks it makes there (a digest, gzip's CRC) run before this generator completes.
 */
export async function* readTar(chunks: AsyncIterable<Uint8Array>, options: ReadTarOptions = {}): AsyncGenerator<TarFile> {
  const reader = new ByteReader(chunks);
  try {
    yield* files(reader, options);
  } finally {
    // A consumer that stops early (a file it refuses) must not leave the source open.
    await reader.close();
  }
}

async function* files(reader: ByteReader, options: ReadTarOptions): AsyncGenerator<TarFile> {
  let paxPath: string | undefined;
  for (;;) {
    const at = reader.offset;
    const header = await reader.read(block);
    if (header === undefined) throw new TarFormatError(`the archive ends at byte ${reader.offset} without tar's end marker`);
    if (isZero(header)) {
      const second = await reader.read(block);
      if (second === undefined || !isZero(second)) {
        throw new TarFormatError(`the archive has a lone zero block at byte ${at}, not tar's two-block end marker`);
      }
      await reader.drain();
      return;
    }
    checkChecksum(header, at);
    const size = octalAt(header, 124, 12, at);
    const type = String.fromCharCode(header[156] ?? 0);
    const padding = (block - (size % block)) % block;
    const cutShort = () => new TarFormatError(`the entry at byte ${at} is cut short (${size} bytes announced)`);

    if (type === 'x') {
      if (size > maxPaxHeader) throw new TarFormatError(`the pax header at byte ${at} is too large (${size} bytes)`);
      const content = await reader.read(size);
      if (content === undefined || !(await reader.skip(padding))) throw cutShort();
      paxPath = paxPathOf(content) ?? paxPath;
      continue;
    }
    if (type !== '0' && type !== '\0') {
      if (!(await reader.skip(size + padding))) throw cutShort();
      paxPath = undefined;
      continue;
    }
    const name = textAt(header, 0, 100);
    const prefix = textAt(header, 345, 155);
    const path = paxPath ?? (prefix ? `${prefix}/${name}` : name);
    paxPath = undefined;
    options.beforeContent?.(path, size);
    const content = await reader.read(size);
    if (content === undefined || !(await reader.skip(padding))) throw cutShort();
    yield { path, content };
  }
}

const isZero = (bytes: Buffer) => bytes.every((byte) => byte === 0);

function checkChecksum(header: Buffer, offset: number): void {
  const recorded = octalAt(header, 148, 8, offset);
  let sum = 0;
  for (let i = 0; i < block; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  if (sum !== recorded) throw new TarFormatError(`the header at byte ${offset} is damaged (checksum mismatch)`);
}

function octalAt(header: Buffer, start: number, width: number, offset: number): number {
  const text = textAt(header, start, width).trim();
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError(`the header at byte ${offset} has a bad number field`);
  return Number.parseInt(text, 8);
}

function textAt(header: Buffer, start: number, width: number): string {
  const field = header.subarray(start, start + width);
  const nul = field.indexOf(0);
  return field.subarray(0, nul < 0 ? width : nul).toString('utf8');
}

/** The `path` record of a pax extended header (`<length> <key>=<value>\n` records), if it has one. */
function paxPathOf(content: Buffer): string | undefined {
  let path: string | undefined;
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    if (space < 0) break;
    const length = Number.parseInt(content.subarray(at, space).toString('ascii'), 10);
    if (!Number.isSafeInteger(length) || length <= 0) throw new TarFormatError('a pax header record has a bad length');
    const record = content.subarray(space + 1, at + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0 && record.slice(0, equals) === 'path') path = record.slice(equals + 1);
    at += length;
  }
  return path;
}
