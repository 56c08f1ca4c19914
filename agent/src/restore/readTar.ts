const block = 512;

/** One regular file of a tar archive: its path (a pax `path=` record applied) and its bytes. */
export interface TarFile {
  path: string;
  content: Buffer;
}

/** The archive is not a tar archive as format v1 writes one; the message says where it breaks. */
export class TarFormatError extends Error {
  override readonly name = 'TarFormatError';
}

/**
 * The regular files of an uncompressed ustar archive, in archive order. Reads what `tarEntry` writes: ustar
 * headers (`prefix/name`), POSIX.1-2001 pax extended headers (`x`) whose `path=` applies to the next file,
 * and the two-zero-block trailer. Other entry types (directories, links, global pax headers) are skipped, since
 * format v1 never writes them. Every header's checksum is verified; a header or content cut short throws
 * `TarFormatError`, so a truncated archive is never read as a shorter, complete one.
 */
export function* readTar(archive: Buffer): Generator<TarFile> {
  let offset = 0;
  let paxPath: string | undefined;
  let sawTrailer = false;
  while (offset + block <= archive.length) {
    const header = archive.subarray(offset, offset + block);
    if (header.every((byte) => byte === 0)) {
      sawTrailer = true;
      break;
    }
    checkChecksum(header, offset);
    const size = octalAt(header, 124, 12, offset);
    const type = String.fromCharCode(header[156] ?? 0);
    const start = offset + block;
    const end = start + size;
    if (end > archive.length) {
      throw new TarFormatError(`the entry at byte ${offset} is cut short (${size} bytes announced)`);
    }
    const content = archive.subarray(start, end);
    offset = start + Math.ceil(size / block) * block;
    if (type === 'x') {
      paxPath = paxPathOf(content) ?? paxPath;
      continue;
    }
    if (type !== '0' && type !== '\0') {
      paxPath = undefined;
      continue;
    }
    const name = textAt(header, 0, 100);
    const prefix = textAt(header, 345, 155);
    yield { path: paxPath ?? (prefix ? `${prefix}/${name}` : name), content: Buffer.from(content) };
    paxPath = undefined;
  }
  if (!sawTrailer) throw new TarFormatError(`the archive ends at byte ${archive.length} without tar's end marker`);
}

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
