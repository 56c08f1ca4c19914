import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilesystemStore } from '../storage/FilesystemStore.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { initRepository } from './initRepository.ts';
import { MissingChunkError } from './MissingChunkError.ts';
import { NoRepositoryError } from './NoRepositoryError.ts';
import { openRepository } from './openRepository.ts';
import type { ChunkRef, Repository } from './Repository.ts';
import { RepositoryExistsError } from './RepositoryExistsError.ts';
import { repositoryLayout } from './repositoryLayout.ts';
import { WrongKeyError } from './WrongKeyError.ts';

const KiB = 1024;
/** Small chunks and packs, so a few hundred KiB make many of each. */
const small = { chunkSizes: { min: 2 * KiB, avg: 4 * KiB, max: 16 * KiB }, packSize: 32 * KiB };

async function* pieces(data: Buffer, size = 5000): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

async function readBack(repository: Repository, chunks: readonly ChunkRef[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of repository.readContent(chunks)) parts.push(part);
  return Buffer.concat(parts);
}

async function keysUnder(store: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of store.list(prefix)) keys.push(key);
  return keys;
}

describe('a repository on a filesystem location', () => {
  let base: string;
  let store: FilesystemStore;
  const kek = randomBytes(32);
  const random = randomBytes(300 * KiB);
  const text = Buffer.from('the same sentence, over and over; '.repeat(8000));

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'fleetback-repository-'));
    store = new FilesystemStore({ kind: 'filesystem', path: base, prefix: 'loc' });
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('stores content in packs and reads it back after reopening, snapshot and all', async () => {
    const writer = (await initRepository(store, kek, small)).openWriter();
    const randomChunks = await writer.writeContent(pieces(random));
    const textChunks = await writer.writeContent(pieces(text));
    expect(await writer.writeContent(pieces(Buffer.alloc(0)))).toEqual([]);
    const saved = await writer.saveSnapshot(Buffer.from('manifest bytes'), { tags: { pvc: 'data' } });
    expect(writer.stats()).toMatchObject({ bytesRead: random.length + text.length });
    expect(writer.stats().storedBytes).toBeLessThan(random.length + text.length / 10);
    expect((await keysUnder(store, repositoryLayout.packs)).length).toBeGreaterThan(5);

    const reopened = await openRepository(store, kek);
    expect((await readBack(reopened, randomChunks)).equals(random)).toBe(true);
    expect((await readBack(reopened, textChunks)).equals(text)).toBe(true);
    expect(await reopened.listSnapshots()).toEqual([saved]);
    const { info, manifest } = await reopened.readSnapshot(saved.id);
    expect(info).toEqual(saved);
    expect(manifest.toString()).toBe('manifest bytes');
  });

  it('stores content a second writer already finds in the repository only once', async () => {
    const first = (await initRepository(store, kek, small)).openWriter();
    await first.writeContent(pieces(random));
    await first.saveSnapshot(Buffer.from('one'), { tags: {} });
    const second = (await openRepository(store, kek)).openWriter();
    await second.writeContent(pieces(random));
    expect(second.stats()).toMatchObject({ newChunks: 0, newBytes: 0 });
    expect(second.stats().chunks).toBeGreaterThan(10);
  });

  it('refuses to initialise a location that holds a repository', async () => {
    await initRepository(store, kek, small);
    await expect(initRepository(store, kek, small)).rejects.toBeInstanceOf(RepositoryExistsError);
  });

  it('says there is no repository where none was initialised', async () => {
    await expect(openRepository(store, kek)).rejects.toBeInstanceOf(NoRepositoryError);
  });

  it('refuses a wrong key-encryption key with WrongKeyError', async () => {
    await initRepository(store, kek, small);
    await expect(openRepository(store, randomBytes(32))).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('rebuilds a lost index from the pack headers', async () => {
    const writer = (await initRepository(store, kek, small)).openWriter();
    const chunks = await writer.writeContent(pieces(random));
    await writer.saveSnapshot(Buffer.from('m'), { tags: {} });
    for (const key of await keysUnder(store, repositoryLayout.indexes)) await store.delete(key);
    const reopened = await openRepository(store, kek);
    await expect(readBack(reopened, chunks)).rejects.toBeInstanceOf(MissingChunkError);
    const rebuilt = await reopened.rebuildIndex();
    expect(rebuilt.chunks).toBe(new Set(chunks.map((c) => c.id.toString('hex'))).size);
    expect(rebuilt.damagedPacks).toEqual([]);
    expect((await readBack(await openRepository(store, kek), chunks)).equals(random)).toBe(true);
  });

  it('names the pack of a chunk that was truncated or altered', async () => {
    const writer = (await initRepository(store, kek, small)).openWriter();
    const chunks = await writer.writeContent(pieces(random));
    await writer.saveSnapshot(Buffer.from('m'), { tags: {} });
    const [first, second] = await keysUnder(store, repositoryLayout.packs);
    await truncate(join(base, 'loc', first!), 100);
    await writeFile(join(base, 'loc', second!), randomBytes(40 * KiB));
    const reopened = await openRepository(store, kek);
    const error = await readBack(reopened, chunks).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptObjectError);
    expect((error as Error).message).toMatch(/^chunk [0-9a-f]{64} in repository\/packs\/[0-9a-f]{2}\/[0-9a-f]{32} is corrupt/);
    const rebuilt = await reopened.rebuildIndex();
    expect(rebuilt.damagedPacks.map((d) => d.key).sort()).toEqual([first, second].sort());
  });
});
