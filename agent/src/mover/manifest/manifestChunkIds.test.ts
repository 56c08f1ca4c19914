import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CorruptObjectError } from '../../repository/CorruptObjectError.ts';
import { ManifestEncoder } from './ManifestEncoder.ts';
import type { EntryMetadata } from './ManifestEntry.ts';
import { manifestChunkIds } from './manifestChunkIds.ts';

const metadata: EntryMetadata = { mode: 0o644, uid: 0, gid: 0, mtimeNs: 0n };

describe('manifestChunkIds', () => {
  it("gives every file's chunk ids, for prune and check, and refuses a manifest cut short", async () => {
    const ids = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const encoder = new ManifestEncoder();
    await encoder.add({ kind: 'directory', path: Buffer.alloc(0), metadata });
    await encoder.add({ kind: 'file', path: Buffer.from('a'), metadata, size: 20, ctimeNs: 0n, inode: 1n, holes: [], chunks: ids.slice(0, 2).map((id) => ({ id, length: 10 })) });
    await encoder.add({ kind: 'hardlink', path: Buffer.from('b'), target: Buffer.from('a') });
    await encoder.add({ kind: 'file', path: Buffer.from('c'), metadata, size: 5, ctimeNs: 0n, inode: 2n, holes: [], chunks: [{ id: ids[2] as Buffer, length: 5 }] });
    const manifest = await encoder.finish();
    expect([...manifestChunkIds(manifest)]).toEqual(ids);
    expect(() => [...manifestChunkIds(manifest.subarray(0, manifest.length - 3))]).toThrow(CorruptObjectError);
  });
});
