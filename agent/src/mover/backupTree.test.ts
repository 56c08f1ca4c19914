import { mkdtemp, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alignMtimes, describeTree } from './testing/describeTree.ts';
import { makeTrickyTree } from './testing/makeTrickyTree.ts';
import { MemoryRepository } from './testing/MemoryRepository.ts';
import { backupTree } from './backupTree.ts';
import { readManifest } from './manifest/readManifest.ts';
import { restoreTree } from './restoreTree.ts';
import type { SkippedEntry } from './walkTree.ts';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'mover-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const withoutFifo = (entries: Awaited<ReturnType<typeof describeTree>>) => entries.filter((entry) => entry.kind !== 'other');

describe('backupTree and restoreTree', () => {
  it('round-trip a tricky tree byte for byte and by metadata, skipping the FIFO with a warning', async () => {
    const source = join(work, 'source');
    await makeTrickyTree(source, { sparseBytes: 64 << 20 });
    const repository = new MemoryRepository();
    const warnings: SkippedEntry[] = [];
    const { snapshot, stats } = await backupTree(repository, source, { tags: { pvc: 'data' }, onWarning: (w) => warnings.push(w) });
    expect(warnings.map((w) => [w.path.toString(), w.kind, w.reason])).toEqual([['fifo', 'unsupported', 'a FIFO is not backed up']]);
    expect(stats).toMatchObject({ skipped: 1, failed: 0, hardlinks: 2, symlinks: 2 });
    expect(snapshot.tags).toEqual({ pvc: 'data' });

    const target = join(work, 'target');
    const result = await restoreTree(repository, snapshot.id, target);
    expect(result.failures).toEqual([]);
    expect(await describeTree(target)).toEqual(withoutFifo(await describeTree(source)));
  });

  it('closes its writer when the backup fails, so the repository is not left leased', async () => {
    const source = join(work, 'source');
    await makeTrickyTree(source, { sparseBytes: 1 << 20 });
    const repository = new MemoryRepository();
    repository.failSaves = new Error('the location went away');
    await expect(backupTree(repository, source)).rejects.toThrow('the location went away');
    expect(repository.closedWriters).toBe(1);
  });

  it('stores zero blocks as holes and restores them unallocated', async () => {
    const source = join(work, 'source');
    await makeTrickyTree(source, { sparseBytes: 256 << 20 });
    const repository = new MemoryRepository();
    const { snapshot, stats } = await backupTree(repository, source);
    expect(stats.stored.bytesRead).toBeLessThan(16 << 20);
    const target = join(work, 'target');
    await restoreTree(repository, snapshot.id, target);
    const restored = await stat(join(target, 'sparse.img'));
    expect(restored.size).toBe(256 << 20);
    expect(restored.blocks * 512).toBeLessThan(8 << 20);
  });

  it('reads only the changed files when given a parent, and the incremental snapshot restores whole', async () => {
    const source = join(work, 'source');
    await makeTrickyTree(source, { sparseBytes: 16 << 20 });
    const repository = new MemoryRepository();
    const first = await backupTree(repository, source);
    expect(first.stats).toMatchObject({ files: 9, filesRead: 9, filesReused: 0 });
    await appendFile(join(source, 'docs', 'random.bin'), 'more');
    await writeFile(join(source, 'new.txt'), 'new');
    const second = await backupTree(repository, source, { parent: first.snapshot.id });
    expect(second.stats).toMatchObject({ files: 10, filesRead: 2, filesReused: 8 });
    expect(second.snapshot.parent).toBe(first.snapshot.id);
    const target = join(work, 'target');
    await restoreTree(repository, second.snapshot.id, target);
    const original = withoutFifo(await describeTree(source));
    expect(alignMtimes(await describeTree(target), original)).toEqual(original);
  });

  it('writes the manifest in walk order with the root first', async () => {
    const source = join(work, 'source');
    await makeTrickyTree(source, { sparseBytes: 1 << 20 });
    const repository = new MemoryRepository();
    const { snapshot } = await backupTree(repository, source);
    const paths: string[] = [];
    for await (const entry of readManifest((await repository.readSnapshot(snapshot.id)).manifest, 's')) paths.push(entry.path.toString('latin1'));
    expect(paths[0]).toBe('');
    expect(paths.slice(1, 4)).toEqual(['dangling', 'deep', 'deep/00-' + 'x'.repeat(240)]);
  });
});
