const block = 512;
/** ustar stores the size in 11 octal digits: files up to 8 GiB − 1. Archived items are far smaller. */
const maxSize = 8 ** 11 - 1;

/** The end of a tar archive: two zero blocks, which readers such as GNU tar expect after the last entry. */
export const tarTrailer: Buffer = Buffer.alloc(2 * block);

/**
 * One regular file of a tar archive, as the chunks to write in order: its header (preceded by a POSIX.1-2001
 * pax header when the path does not fit ustar's name fields or is not plain ASCII), the content, and zero
 * padding to the next 512-byte boundary. Every entry has mode 0644, owner 0:0 and `mtime`, so an archive
 * depends only on what is in it. Standard `tar` (GNU, bsdtar, busybox) lists and extracts the result.
 *
 * Why not a tar library: this is all format v1 writes (regular files, no links or directories), and it
 * yields plain buffers that an async generator can hand to a Node stream with backpressure intact.
 */
export function tarEntry(path: string, content: Buffer, mtime: Date): Buffer[] {
  if (content.length > maxSize) throw new RangeError(`'${path}' is ${content.length} bytes, more than tar's 8 GiB`);
  const seconds = Math.floor(mtime.getTime() / 1000);
  const ustar = splitUstarPath(path);
  const chunks: Buffer[] = [];
  if (!ustar) {
    const pax = Buffer.from(paxRecord('path', path));
    // The ustar name that follows is what a pax-unaware reader would use; keep it recognisable.
    chunks.push(header({ name: 'PaxHeader', prefix: '' }, pax.length, seconds, 'x'), pax, padding(pax.length));
  }
  chunks.push(header(ustar ?? { name: truncateAscii(path, 100), prefix: '' }, content.length, seconds, '0'));
  chunks.push(content, padding(content.length));
  return chunks.filter((chunk) => chunk.length > 0);
}

/** `path` as ustar's `prefix` (155 bytes) and `name` (100 bytes), split at a `/`; undefined when it cannot be. */
function splitUstarPath(path: string): { name: string; prefix: string } | undefined {
  // Printable ASCII only: ustar names carry no encoding, and readers disagree on anything else.
  if (!/^[\x20-\x7e]+$/.test(path)) return undefined;
  if (path.length <= 100) return { name: path, prefix: '' };
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
    if (slash > 155) break;
    const name = path.slice(slash + 1);
    if (name.length > 0 && name.length <= 100) return { name, prefix: path.slice(0, slash) };
  }
  return undefined;
}

/** A pax extended-header record: `<length> <key>=<value>\n`, where the length counts its own digits too. */
function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  const restBytes = Buffer.byteLength(rest);
  let length = restBytes + String(restBytes).length;
  // Adding the digits can add a digit (e.g. 98 + 2 = 100): settle on the length that counts itself.
  while (String(length).length + restBytes !== length) length = String(length).length + restBytes;
  return `${length}${rest}`;
}

function header(path: { name: string; prefix: string }, size: number, mtime: number, type: '0' | 'x'): Buffer {
  const h = Buffer.alloc(block);
  h.write(path.name, 0, 100, 'ascii');
  octal(h, 100, 8, 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, mtime);
  h.write(type, 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write(path.prefix, 345, 155, 'ascii');
  // The checksum is the byte sum of the header with its own field read as eight spaces.
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

/** A zero-padded octal number filling `width - 1` digits and a terminating NUL. */
function octal(h: Buffer, offset: number, width: number, value: number): void {
  h.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'ascii');
}

function padding(size: number): Buffer {
  return Buffer.alloc((block - (size % block)) % block);
}

function truncateAscii(path: string, bytes: number): string {
  return path.replace(/[^\x20-\x7e]/g, '_').slice(-bytes);
}
