import { randomBytes } from 'node:crypto';
import { zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CorruptObjectError } from '../../repository/CorruptObjectError.ts';
import { ByteWriter } from './ByteWriter.ts';
import { encodeEntry } from './encodeEntry.ts';
import { ManifestEncoder } from './ManifestEncoder.ts';
import type { EntryMetadata, ManifestEntry } from './ManifestEntry.ts';
import { manifestMagic, recordTypes } from './manifestFormat.ts';
import { readManifest } from './readManifest.ts';

const meta: EntryMetadata = { mode: 0o755, uid: 0, gid: 0, mtimeNs: 1_700_000_000_123_456_789n };
const p = (text: string) => Buffer.from(text, 'utf8');
const root: ManifestEntry = { kind: 'directory', path: p(''), metadata: meta };

async function encode(entries: ManifestEntry[]): Promise<Buffer> {
  const encoder = new ManifestEncoder();
  for (const entry of entries) await encoder.add(entry);
  return encoder.finish();
}

async function decode(manifest: Buffer): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  for await (const entry of readManifest(manifest, 'snapshot s1')) entries.push(entry);
  return entries;
}

/** A manifest of hand-made records, for ones the encoder would never write. */
function raw(entries: ManifestEntry[], count = entries.length): Buffer {
  const writer = new ByteWriter();
  let previous: Buffer = Buffer.alloc(0);
  for (const entry of entries) {
    encodeEntry(writer, entry, previous);
    previous = entry.path;
  }
  writer.byte(recordTypes.end);
  writer.uint(count);
  return Buffer.concat([manifestMagic, Buffer.of(1), zstdCompressSync(writer.take())]);
}

describe('snapshot manifest codec', () => {
  it('round-trips every kind of entry with byte names, long paths, negative times and large inodes', async () => {
    const deep = Array.from({ length: 16 }, (_, i) => `${String(i).padStart(2, '0')}${'d'.repeat(245)}`);
    const entries: ManifestEntry[] = [root];
    for (let i = 1; i <= deep.length; i++) entries.push({ kind: 'directory', path: p(deep.slice(0, i).join('/')), metadata: meta });
    const longFile = p(`${deep.join('/')}/${'f'.repeat(40)}`);
    expect(longFile.length).toBeGreaterThanOrEqual(4000);
    entries.push(
      { kind: 'file', path: longFile, metadata: meta, size: 0, ctimeNs: 1n, inode: 2n, holes: [], chunks: [] },
      {
        kind: 'file',
        path: p('a'),
        metadata: { mode: 0o4711, uid: 1234, gid: 5678, mtimeNs: -1_000_000_001n },
        size: 3 << 20,
        ctimeNs: 99n,
        inode: 2n ** 63n + 5n,
        holes: [{ offset: 0, length: 1 << 20 }],
        chunks: [
          { id: randomBytes(32), length: 1 << 20 },
          { id: randomBytes(32), length: 1 << 20 },
        ],
      },
      { kind: 'hardlink', path: p('a-link'), target: p('a') },
      { kind: 'symlink', path: p('dangling'), metadata: meta, target: p('/no/such/place') },
      { kind: 'directory', path: Buffer.from([0xff, 0xfe, 0x41]), metadata: meta },
      { kind: 'file', path: Buffer.concat([Buffer.from([0xff, 0xfe, 0x41]), p('/日本語 ✓')]), metadata: meta, size: 0, ctimeNs: 0n, inode: 0n, holes: [], chunks: [] },
    );
    expect(await decode(await encode(entries))).toEqual(entries);
  });

  it('streams a manifest of 200,000 entries back in order', async () => {
    const entries: ManifestEntry[] = [root];
    for (let i = 0; i < 200_000; i++) {
      entries.push({ kind: 'file', path: p(`f${String(i).padStart(7, '0')}`), metadata: meta, size: 0, ctimeNs: 0n, inode: BigInt(i), holes: [], chunks: [] });
    }
    const manifest = await encode(entries);
    let n = 0;
    let misplaced = 0;
    for await (const entry of readManifest(manifest, 'snapshot s1')) {
      if (!entry.path.equals(entries[n]?.path as Buffer)) misplaced++;
      n++;
    }
    expect({ n, misplaced }).toEqual({ n: entries.length, misplaced: 0 });
  }, 60_000);

  const refused: [string, ManifestEntry[], RegExp][] = [
    ['a .. component', [root, { kind: 'directory', path: p('a/..'), metadata: meta }], /parent|\.\./],
    ['a path above the target', [root, { kind: 'symlink', path: p('..'), metadata: meta, target: p('x') }], /\. or \.\. component/],
    ['entries out of order', [root, { kind: 'directory', path: p('b'), metadata: meta }, { kind: 'directory', path: p('a'), metadata: meta }], /out of order/],
    [
      'a child of a symlink',
      [root, { kind: 'symlink', path: p('a'), metadata: meta, target: p('/etc') }, { kind: 'directory', path: p('a/x'), metadata: meta }],
      /parent is not a directory/,
    ],
    ['a first entry that is not the root', [{ kind: 'directory', path: p('a'), metadata: meta }], /first entry/],
    [
      'chunks that do not add up',
      [root, { kind: 'file', path: p('a'), metadata: meta, size: 10, ctimeNs: 0n, inode: 0n, holes: [], chunks: [{ id: Buffer.alloc(32), length: 9 }] }],
      /add up/,
    ],
    ['a hard link forward', [root, { kind: 'hardlink', path: p('a'), target: p('b') }], /later path/],
  ];
  for (const [what, entries, reason] of refused) {
    it(`refuses ${what} with CorruptObjectError`, async () => {
      const error = await decode(raw(entries)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorruptObjectError);
      expect((error as Error).message).toMatch(reason);
    });
  }

  it('refuses a manifest whose end record counts other entries than it holds', async () => {
    await expect(decode(raw([root], 2))).rejects.toThrow(/ends after 1 entries but says 2/);
  });

  it('refuses a manifest cut short and one that is not a manifest', async () => {
    const manifest = await encode([root, { kind: 'directory', path: p('a'), metadata: meta }]);
    await expect(decode(manifest.subarray(0, manifest.length - 4))).rejects.toBeInstanceOf(CorruptObjectError);
    await expect(decode(Buffer.from('not a manifest'))).rejects.toThrow(/not a snapshot manifest/);
    await expect(decode(Buffer.concat([manifestMagic, Buffer.of(9)]))).rejects.toThrow(/version 9/);
  });
});
