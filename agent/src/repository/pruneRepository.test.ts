import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilesystemStore } from '../storage/providers/filesystem/FilesystemStore.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { initRepository } from './initRepository.ts';
import { LeaseHeldError } from './LeaseHeldError.ts';
import { openRepository } from './openRepository.ts';
import type { ChunkRef, Repository } from './Repository.ts';
import { repositoryLayout } from './repositoryLayout.ts';

const KiB = 1024;
const small = { chunkSizes: { min: 2 * KiB, avg: 4 * KiB, max: 16 * KiB }, packSize: 32 * KiB };
/** The test's manifests are lists of chunk ids in hex. */
const manifestOf = (chunks: readonly ChunkRef[]) => Buffer.from(JSON.stringify(chunks.map((c) => c.id.toString('hex'))));
const chunksOf = (manifest: Buffer) => (JSON.parse(manifest.toString()) as string[]).map((id) => Buffer.from(id, 'hex'));

async function* once(data: Buffer): AsyncGenerator<Buffer> {
  yield data;
}

async function readBack(repository: Repository, chunks: readonly ChunkRef[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of repository.readContent(chunks)) parts.push(part);
  return Buffer.concat(parts);
}

async function count(store: ObjectStore, prefix: string): Promise<number> {
  let n = 0;
  for await (const key of store.list(prefix)) if (key) n++;
  return n;
}

/** `store` whose listings also show, at their end, objects written while they were read, as paged ones may. */
function listingLate(store: ObjectStore): ObjectStore {
  return {
    put: (key, body, options) => store.put(key, body, options),
    get: (key) => store.get(key),
    getRange: (key, offset, length) => store.getRange(key, offset, length),
    head: (key) => store.head(key),
    async *list(prefix) {
      const seen = new Set<string>();
      for await (const key of store.list(prefix)) {
        seen.add(key);
        yield key;
      }
      for await (const key of store.list(prefix)) if (!seen.has(key)) yield key;
    },
    delete: (key) => store.delete(key),
    describe: () => store.describe(),
  };
}

describe('prune', () => {
  let base: string;
  let store: FilesystemStore;
  const kek = randomBytes(32);

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'fleetback-prune-'));
    store = new FilesystemStore({ kind: 'filesystem', path: base, prefix: 'loc' });
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('removes what only a deleted snapshot needed, keeps what the others need, and leaves check clean', async () => {
    const repository = await initRepository(store, kek, small);
    const gone = randomBytes(200 * KiB);
    const kept = randomBytes(60 * KiB);
    const writer = repository.openWriter();
    // One writer, so the kept chunks share packs with the dead ones: those packs are repacked.
    const all = await writer.writeContent(once(Buffer.concat([gone, kept])));
    const old = await writer.saveSnapshot(manifestOf(all), { tags: {} });
    const second = repository.openWriter();
    const keptChunks = await second.writeContent(once(kept));
    const survivor = await second.saveSnapshot(manifestOf(keptChunks), { tags: {} });
    const packsBefore = await count(store, repositoryLayout.packs);

    await repository.deleteSnapshot(old.id);
    const report = await repository.prune({ chunksOf, graceMs: 0 });
    expect(report.snapshots).toBe(1);
    expect(report.deletedPacks).toBeGreaterThan(0);
    expect(report.removedBytes).toBeGreaterThan(gone.length * 0.9);
    expect(await count(store, repositoryLayout.packs)).toBeLessThan(packsBefore);

    const reopened = await openRepository(store, kek);
    expect((await readBack(reopened, keptChunks)).equals(kept)).toBe(true);
    expect(await reopened.listSnapshots()).toEqual([survivor]);
    expect((await reopened.check({ readData: true })).problems).toEqual([]);
  });

  it('rewrites a mostly dead pack with its live chunks only', async () => {
    const repository = await initRepository(store, kek, small);
    const dead = randomBytes(20 * KiB);
    const live = randomBytes(3 * KiB);
    const writer = repository.openWriter();
    // 23 KiB in all stay below the 32 KiB pack size: one pack, three quarters of it dead once `old` goes.
    const all = [...(await writer.writeContent(once(dead))), ...(await writer.writeContent(once(live)))];
    const old = await writer.saveSnapshot(manifestOf(all), { tags: {} });
    const liveChunks = all.slice(-1);
    await repository.openWriter().saveSnapshot(manifestOf(liveChunks), { tags: {} });
    expect(await count(store, repositoryLayout.packs)).toBe(1);

    await repository.deleteSnapshot(old.id);
    const report = await repository.prune({ chunksOf, graceMs: 0 });
    expect(report).toMatchObject({ packs: 1, deletedPacks: 1, repackedPacks: 1, removedChunks: all.length - 1 });
    expect(await count(store, repositoryLayout.packs)).toBe(1);
    const reopened = await openRepository(store, kek);
    expect((await readBack(reopened, liveChunks)).equals(live)).toBe(true);
    expect((await reopened.check({ readData: true })).problems).toEqual([]);
  });

  it('keeps the packs it writes itself, even where the pack listing shows them', async () => {
    const repository = await initRepository(store, kek, small);
    const writer = repository.openWriter();
    const all: ChunkRef[] = [];
    const liveChunks: ChunkRef[] = [];
    const live: Buffer[] = [];
    // Each round leaves a pack mostly dead; the live chunks moved add up to more than one new pack.
    for (let round = 0; round < 14; round++) {
      all.push(...(await writer.writeContent(once(randomBytes(20 * KiB)))));
      live.push(randomBytes(3 * KiB));
      const chunks = await writer.writeContent(once(live.at(-1)!));
      all.push(...chunks);
      liveChunks.push(...chunks);
    }
    const old = await writer.saveSnapshot(manifestOf(all), { tags: {} });
    await repository.openWriter().saveSnapshot(manifestOf(liveChunks), { tags: {} });
    await repository.deleteSnapshot(old.id);

    const pruning = await openRepository(listingLate(store), kek);
    const report = await pruning.prune({ chunksOf, graceMs: 0 });
    expect(report.repackedPacks).toBeGreaterThan(1);
    const reopened = await openRepository(store, kek);
    expect((await readBack(reopened, liveChunks)).equals(Buffer.concat(live))).toBe(true);
    expect((await reopened.check()).problems).toEqual([]);
  });

  it('runs once a failed backup closed its writer, which indexed what it had uploaded', async () => {
    const repository = await initRepository(store, kek, small);
    const failed = repository.openWriter();
    const data = randomBytes(100 * KiB);
    await failed.writeContent(once(data));
    await failed.close();
    const retry = repository.openWriter();
    await retry.writeContent(once(data));
    expect(retry.stats().newChunks).toBe(0);
    await retry.close();
    // No snapshot refers to them: everything goes.
    const report = await repository.prune({ chunksOf, graceMs: 0 });
    expect(report).toMatchObject({ snapshots: 0, deletedPacks: report.packs });
    expect(report.packs).toBeGreaterThan(0);
  });

  it('never touches a pack younger than the grace period', async () => {
    const repository = await initRepository(store, kek, small);
    const writer = repository.openWriter();
    const saved = await writer.saveSnapshot(manifestOf(await writer.writeContent(once(randomBytes(100 * KiB)))), { tags: {} });
    await repository.deleteSnapshot(saved.id);
    const packs = await count(store, repositoryLayout.packs);
    const report = await repository.prune({ chunksOf });
    expect(report).toMatchObject({ youngPacks: packs, deletedPacks: 0, removedChunks: 0 });
    expect(await count(store, repositoryLayout.packs)).toBe(packs);
  });

  it('does not run while a backup writes, and then removes what a killed backup left', async () => {
    const repository = await initRepository(store, kek, small);
    const inFlight = repository.openWriter();
    await inFlight.writeContent(once(randomBytes(100 * KiB)));
    await expect(repository.prune({ chunksOf, graceMs: 0 })).rejects.toBeInstanceOf(LeaseHeldError);
    expect(await count(store, repositoryLayout.packs)).toBeGreaterThan(0);

    // The writer dies without a snapshot (kill -9): its lease expires, here by being removed.
    for await (const key of store.list(repositoryLayout.leases)) await store.delete(key);
    const report = await repository.prune({ chunksOf, graceMs: 0 });
    expect(report.deletedPacks).toBe(report.packs);
    expect(await count(store, repositoryLayout.packs)).toBe(0);
    expect((await repository.check()).problems).toEqual([]);
  });
});
