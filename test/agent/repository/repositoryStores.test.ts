import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { LocationTarget } from '#schema/agent/JobPayload';
import { CorruptObjectError } from '../../../agent/src/repository/CorruptObjectError.ts';
import { initRepository, type InitOptions } from '../../../agent/src/repository/initRepository.ts';
import { NoRepositoryError } from '../../../agent/src/repository/NoRepositoryError.ts';
import { openRepository } from '../../../agent/src/repository/openRepository.ts';
import type { ChunkRef, Repository } from '../../../agent/src/repository/Repository.ts';
import { RepositoryExistsError } from '../../../agent/src/repository/RepositoryExistsError.ts';
import { repositoryLayout } from '../../../agent/src/repository/repositoryLayout.ts';
import { WrongKeyError } from '../../../agent/src/repository/WrongKeyError.ts';
import type { ObjectStore } from '../../../agent/src/storage/ObjectStore.ts';
import { openObjectStore } from '../../../agent/src/storage/openObjectStore.ts';
import { patternChunks } from '../../world/stores/patternChunks.ts';
import { repositoryLocations } from './repositoryLocations.ts';

const world = inject('world');
const KiB = 1024;
const MiB = 1024 * KiB;
/** Chunks of about 32 KiB in packs of 256 KiB: a few MiB make dozens of chunks and several packs. */
const small: InitOptions = { chunkSizes: { min: 16 * KiB, avg: 32 * KiB, max: 128 * KiB }, packSize: 256 * KiB };

const pattern = (size: number, seed: number) => Buffer.concat([...patternChunks(size, seed)]);
const text = Buffer.from('INSERT INTO orders VALUES (42, "pending", 19.99);\n'.repeat(40_000));

async function* pieces(data: Buffer, size = 64 * KiB): AsyncGenerator<Buffer> {
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

async function bytesOf(store: ObjectStore, key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of await store.get(key)) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

for (const location of repositoryLocations(world, randomUUID().slice(0, 8))) {
  describe.skipIf(!location.present)(`a repository in ${location.name}`, () => {
    const kek = randomBytes(32);
    /** A fresh location; each store opened on it is a separate client, as another process would have. */
    async function withLocation(test: (open: () => ObjectStore, target: LocationTarget) => Promise<void>): Promise<void> {
      const { target, close } = await location.create();
      try {
        await test(() => openObjectStore(target), target);
      } finally {
        await close();
      }
    }

    it('stores content and a snapshot, and reads both back byte for byte after reopening', () =>
      withLocation(async (open) => {
        const random = pattern(3 * MiB, 1);
        const writer = (await initRepository(open(), kek, small)).openWriter();
        const randomChunks = await writer.writeContent(pieces(random));
        const textChunks = await writer.writeContent(pieces(text));
        const saved = await writer.saveSnapshot(Buffer.from('{"tree":"opaque to the repository"}'), {
          tags: { cluster: 'eu-1', pvc: 'db/data' },
        });
        // Compressible text shrinks; random data is stored once, raw, plus per-chunk and per-pack overhead.
        expect(writer.stats().storedBytes).toBeLessThan(random.length * 1.01 + text.length / 10);

        const reopened = await openRepository(open(), kek);
        expect(await reopened.listSnapshots()).toEqual([saved]);
        const { info, manifest } = await reopened.readSnapshot(saved.id);
        expect(info).toEqual(saved);
        expect(manifest.toString()).toBe('{"tree":"opaque to the repository"}');
        expect((await readBack(reopened, randomChunks)).equals(random)).toBe(true);
        expect((await readBack(reopened, textChunks)).equals(text)).toBe(true);
      }));

    it('fills packs of the real size (16 MiB) with chunks of the real sizes, and reads them back', () =>
      withLocation(async (open) => {
        const data = pattern(40 * MiB, 2);
        const writer = (await initRepository(open(), kek)).openWriter();
        const chunks = await writer.writeContent(pieces(data, MiB));
        await writer.saveSnapshot(Buffer.from('m'), { tags: {} });
        expect(chunks.length).toBeGreaterThan(10);
        const packs = await keysUnder(open(), repositoryLayout.packs);
        expect(packs.length).toBe(3);
        expect((await readBack(await openRepository(open(), kek), chunks)).equals(data)).toBe(true);
      }));

    it('stores nothing again that a writer of an earlier process stored', () =>
      withLocation(async (open) => {
        const data = pattern(2 * MiB, 3);
        const first = (await initRepository(open(), kek, small)).openWriter();
        await first.writeContent(pieces(data));
        await first.saveSnapshot(Buffer.from('first'), { tags: {} });
        const second = (await openRepository(open(), kek)).openWriter();
        const chunks = await second.writeContent(pieces(data));
        expect(second.stats()).toMatchObject({ chunks: chunks.length, newChunks: 0, newBytes: 0, storedBytes: 0 });
      }));

    it('lets two writers write into one repository at once; both snapshots read back', () =>
      withLocation(async (open) => {
        await initRepository(open(), kek, small);
        const shared = pattern(MiB, 4);
        const own = [pattern(2 * MiB, 5), pattern(2 * MiB, 6)];
        const [a, b] = await Promise.all([openRepository(open(), kek), openRepository(open(), kek)]);
        const saved = await Promise.all(
          [a, b].map(async (repository, i) => {
            const writer = repository.openWriter();
            const chunks = [...(await writer.writeContent(pieces(own[i]!))), ...(await writer.writeContent(pieces(shared)))];
            const info = await writer.saveSnapshot(Buffer.from(JSON.stringify(chunks.map((c) => [c.id.toString('hex'), c.length]))), {
              tags: { writer: String(i) },
            });
            return { info, expected: Buffer.concat([own[i]!, shared]) };
          }),
        );
        const reopened = await openRepository(open(), kek);
        expect((await reopened.listSnapshots()).map((s) => s.id).sort()).toEqual(saved.map((s) => s.info.id).sort());
        for (const { info, expected } of saved) {
          const { manifest } = await reopened.readSnapshot(info.id);
          const chunks = (JSON.parse(manifest.toString()) as [string, number][]).map(([id, length]) => ({
            id: Buffer.from(id, 'hex'),
            length,
          }));
          expect((await readBack(reopened, chunks)).equals(expected)).toBe(true);
        }
      }));

    it('refuses a wrong key, says so where there is no repository, and never initialises one twice', () =>
      withLocation(async (open) => {
        await expect(openRepository(open(), kek)).rejects.toBeInstanceOf(NoRepositoryError);
        await initRepository(open(), kek, small);
        await expect(openRepository(open(), randomBytes(32))).rejects.toBeInstanceOf(WrongKeyError);
        await expect(initRepository(open(), randomBytes(32), small)).rejects.toBeInstanceOf(RepositoryExistsError);
        await openRepository(open(), kek);
      }));

    it('names the object when an index, a snapshot or a pack was truncated or altered', () =>
      withLocation(async (open) => {
        const store = open();
        const data = pattern(2 * MiB, 7);
        const writer = (await initRepository(store, kek, small)).openWriter();
        const chunks = await writer.writeContent(pieces(data));
        const saved = await writer.saveSnapshot(Buffer.from('manifest'), { tags: {} });

        const snapshot = repositoryLayout.snapshot(saved.id);
        const sealed = await bytesOf(store, snapshot);
        sealed[sealed.length - 20]! ^= 1;
        await store.put(snapshot, sealed);
        await expect((await openRepository(open(), kek)).readSnapshot(saved.id)).rejects.toThrow(
          new CorruptObjectError(snapshot, 'it fails authentication: it was truncated or altered'),
        );

        const pack = (await keysUnder(store, repositoryLayout.packs))[0]!;
        await store.put(pack, (await bytesOf(store, pack)).subarray(0, 1000));
        const packError = await readBack(await openRepository(open(), kek), chunks).catch((e: unknown) => e);
        expect(packError).toBeInstanceOf(CorruptObjectError);
        expect((packError as Error).message).toContain(`in ${pack} is corrupt`);

        const [index] = await keysUnder(store, repositoryLayout.indexes);
        await store.put(index!, (await bytesOf(store, index!)).subarray(0, 100));
        const indexError = await openRepository(open(), kek).catch((e: unknown) => e);
        expect(indexError).toBeInstanceOf(CorruptObjectError);
        expect((indexError as CorruptObjectError).what).toBe(index);
      }));

    it('rebuilds the index from the packs alone after its objects are deleted, and restores again', () =>
      withLocation(async (open) => {
        const store = open();
        const data = pattern(2 * MiB, 8);
        const writer = (await initRepository(store, kek, small)).openWriter();
        const chunks = await writer.writeContent(pieces(data));
        await writer.saveSnapshot(Buffer.from('m'), { tags: {} });
        for (const key of await keysUnder(store, repositoryLayout.indexes)) await store.delete(key);

        const rebuilt = await (await openRepository(open(), kek)).rebuildIndex();
        expect(rebuilt).toMatchObject({ chunks: chunks.length, damagedPacks: [] });
        expect(rebuilt.packs).toBe((await keysUnder(store, repositoryLayout.packs)).length);
        expect((await readBack(await openRepository(open(), kek), chunks)).equals(data)).toBe(true);
      }));
  });
}
