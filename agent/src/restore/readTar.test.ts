import { describe, expect, it } from 'vitest';
import { tarEntry, tarTrailer } from '../backup/tarEntry.ts';
import { readTar, type ReadTarOptions, TarFormatError, type TarFile } from './readTar.ts';

const longPath = `resources/example.com/v1/gizmos/shop/${'n'.repeat(120)}.json`;
const files: TarFile[] = [
  { path: 'resources/core/v1/configmaps/shop/settings.json', content: Buffer.from('{\n  "a": "b"\n}\n') },
  // Needs a pax header: no ustar split fits.
  { path: longPath, content: Buffer.from('x'.repeat(700)) },
  { path: 'resources/core/v1/namespaces/_cluster/ümlaut.json', content: Buffer.alloc(0) },
  { path: 'resources/core/v1/secrets/shop/exact.json', content: Buffer.alloc(1024, 7) },
];
const archive = Buffer.concat([...files.flatMap((f) => tarEntry(f.path, f.content, new Date(0))), tarTrailer]);

/** `bytes` as a source delivering the chunks `sizes` cuts it into (the rest in one last chunk). */
async function* chunked(bytes: Buffer, sizes: Iterable<number>): AsyncGenerator<Buffer> {
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    yield bytes.subarray(at, at + size);
    at += size;
  }
  if (at < bytes.length) yield bytes.subarray(at);
}

async function readAll(source: AsyncIterable<Uint8Array>, options?: ReadTarOptions): Promise<TarFile[]> {
  const read: TarFile[] = [];
  for await (const file of readTar(source, options)) read.push({ path: file.path, content: Buffer.from(file.content) });
  return read;
}

function* bytes(): Generator<number> {
  for (;;) yield 1;
}

function* blocks(): Generator<number> {
  for (;;) yield 512;
}

/** A deterministic generator of chunk sizes from 1 to `max` (mulberry32), so a failure can be replayed. */
function* randomSizes(seed: number, max: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    yield 1 + (((t ^ (t >>> 14)) >>> 0) % max);
  }
}

/** `header` with type flag `type`, its checksum recomputed. */
function retyped(header: Buffer, type: string): Buffer {
  const copy = Buffer.from(header);
  copy.write(type, 156, 1, 'ascii');
  copy.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of copy) sum += byte;
  copy.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return copy;
}

describe('readTar', () => {
  it('reads every regular file in order, pax paths and empty files included', async () => {
    expect(await readAll(chunked(archive, []))).toEqual(files);
  });

  it('reads the same files when the archive arrives one byte at a time', async () => {
    expect(await readAll(chunked(archive, bytes()))).toEqual(files);
  });

  it('reads the same files whatever the chunk boundaries', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const max = [3, 100, 511, 513, 2000][seed % 5] ?? 1;
      expect(await readAll(chunked(archive, randomSizes(seed, max))), `seed ${seed}`).toEqual(files);
    }
  });

  it('fails an archive cut short anywhere, trailer included, never reading it as a shorter one', async () => {
    for (let length = 0; length < archive.length; length += length < 4096 ? 1 : 97) {
      const cut = archive.subarray(0, length);
      await expect(readAll(chunked(cut, randomSizes(length, 700))), `cut at ${length}`).rejects.toThrow(TarFormatError);
    }
  });

  it('names where a cut entry starts', async () => {
    await expect(readAll(chunked(archive.subarray(0, 512 + 5), []))).rejects.toThrow(
      'the entry at byte 0 is cut short (15 bytes announced)',
    );
    await expect(readAll(chunked(archive.subarray(0, archive.length - 512), []))).rejects.toThrow(/lone zero block at byte/);
    await expect(readAll(chunked(archive.subarray(0, archive.length - 1024), []))).rejects.toThrow(
      `the archive ends at byte ${archive.length - 1024} without tar's end marker`,
    );
  });

  it('fails a header whose checksum does not match, naming its offset', async () => {
    const damaged = Buffer.from(archive);
    damaged[1024 + 3] = (damaged[1024 + 3] ?? 0) ^ 0x01; // the pax header of the second file
    await expect(readAll(chunked(damaged, randomSizes(7, 64)))).rejects.toThrow(
      'the header at byte 1024 is damaged (checksum mismatch)',
    );
  });

  it('skips entry types format v1 does not write, and reads past the trailer to the end of its source', async () => {
    const [first] = files;
    const dir = retyped(tarEntry('resources/', Buffer.alloc(0), new Date(0))[0] as Buffer, '5');
    const global = tarEntry('g', Buffer.alloc(600, 1), new Date(0));
    const withOthers = Buffer.concat([dir, retyped(global[0] as Buffer, 'g'), ...global.slice(1), ...tarEntry(first!.path, first!.content, new Date(0)), tarTrailer, Buffer.alloc(8192)]);
    let ended = false;
    async function* source() {
      yield* chunked(withOthers, randomSizes(3, 1000));
      ended = true;
    }
    expect(await readAll(source())).toEqual([first]);
    expect(ended).toBe(true);
  });

  it('pulls chunks only as files are asked for, so a slow consumer slows the source', async () => {
    let pulls = 0;
    async function* counted() {
      for await (const chunk of chunked(archive, blocks())) {
        pulls++;
        yield chunk;
      }
    }
    const read = readTar(counted());
    await read.next();
    // The first file is one header block and one block of content (and its padding).
    expect(pulls).toBe(2);
    await read.next();
    // The second: a pax header and its record, a ustar header, two blocks of content.
    expect(pulls).toBe(7);
    await read.return(undefined);
  });

  it('lets the reader refuse a file before its content is read, and lets go of the source', async () => {
    let closed = false;
    async function* source() {
      try {
        yield* chunked(archive, randomSizes(11, 300));
      } finally {
        closed = true;
      }
    }
    const refuse: ReadTarOptions = {
      beforeContent: (path, size) => {
        if (path === longPath) throw new RangeError(`${size} bytes is too many`);
      },
    };
    await expect(readAll(source(), refuse)).rejects.toThrow('700 bytes is too many');
    expect(closed).toBe(true);
  });
});
