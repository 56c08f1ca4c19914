import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import { Storage } from '@google-cloud/storage';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocationTarget } from '#schema/agent/JobPayload';
import { ChecksumMismatchError } from '../../../agent/src/storage/ChecksumMismatchError.ts';
import { ObjectNotFoundError } from '../../../agent/src/storage/ObjectNotFoundError.ts';
import type { ObjectStore } from '../../../agent/src/storage/ObjectStore.ts';
import type { ObjectStoreOptions } from '../../../agent/src/storage/ObjectStoreOptions.ts';
import { openObjectStore } from '../../../agent/src/storage/openObjectStore.ts';
import { S3Store, type S3Target } from '../../../agent/src/storage/S3Store.ts';
import { patternChunks } from '../../world/stores/patternChunks.ts';
import { sha256Of } from '../../world/stores/sha256Of.ts';

const world = inject('world');
const MiB = 1024 * 1024;
const runId = randomUUID().slice(0, 8);

/** A store under test, plus a way around it to its raw storage. */
interface StoreFixture {
  open(prefix: string, options?: ObjectStoreOptions): ObjectStore;
  /** Overwrites the stored bytes of a full object name with the store's own SDK, keeping the recorded digest. */
  tamper(fullName: string, bytes: Buffer): Promise<void>;
  close?(): Promise<void>;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function listAll(store: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of store.list(prefix)) keys.push(key);
  return keys;
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

// One contract for every adapter, so an adapter that behaves differently shows up as one failing suite.
function proveObjectStore(name: string, present: boolean, connect: () => Promise<StoreFixture>): void {
  describe.skipIf(!present)(name, () => {
    const prefix = `contract-${runId}`;
    let fixture: StoreFixture;
    let store: ObjectStore;
    beforeAll(async () => {
      fixture = await connect();
      // A small page size, so a listing of a few objects already spans several pages.
      store = fixture.open(prefix, { listPageSize: 3 });
    });
    afterAll(async () => {
      await fixture?.close?.();
    });

    it('puts, heads and gets objects from buffers and from streams', async () => {
      await store.put('basics/buffer.json', Buffer.from('{"n":1}'));
      await store.put('basics/stream.txt', Readable.from([Buffer.from('streamed '), Buffer.from('in parts')]));
      await store.put('basics/empty', Buffer.alloc(0));
      expect((await readAll(await store.get('basics/buffer.json'))).toString()).toBe('{"n":1}');
      expect((await readAll(await store.get('basics/stream.txt'))).toString()).toBe('streamed in parts');
      expect((await readAll(await store.get('basics/empty'))).length).toBe(0);
      expect(await store.head('basics/stream.txt')).toEqual({ size: 17 });
      expect(await store.head('basics/missing')).toBeUndefined();
      await store.put('basics/buffer.json', Buffer.from('{"n":2}'));
      expect((await readAll(await store.get('basics/buffer.json'))).toString()).toBe('{"n":2}');
    });

    it('lists every key under a prefix across pages, relative to the location, in byte order', async () => {
      const keys = ['many/b', 'many/a/x', 'many/a-b', 'many/a0', 'many/B', 'many/a/y/z', 'many/c', 'many/a.txt'];
      for (const key of keys) await store.put(key, Buffer.from(key));
      await store.put('manyother/not-me', Buffer.from('x'));
      expect(await listAll(store, 'many/')).toEqual([...keys].sort(byteOrder));
      expect(await listAll(store, 'many/a/')).toEqual(['many/a/x', 'many/a/y/z']);
      // A list prefix is a string prefix, not a directory.
      expect(await listAll(store, 'many/a')).toEqual(
        ['many/a/x', 'many/a-b', 'many/a0', 'many/a/y/z', 'many/a.txt'].sort(byteOrder),
      );
      expect(await listAll(store, 'nothing-here/')).toEqual([]);
    });

    it('keeps locations apart: a store lists and reads nothing of a sibling prefix', async () => {
      const mine = fixture.open(`${prefix}-iso`);
      const sibling = fixture.open(`${prefix}-iso-other`);
      await mine.put('shared-name', Buffer.from('mine'));
      await sibling.put('shared-name', Buffer.from('sibling'));
      await sibling.put('only-sibling', Buffer.from('sibling'));
      expect(await listAll(mine, '')).toEqual(['shared-name']);
      expect((await readAll(await mine.get('shared-name'))).toString()).toBe('mine');
      expect(await mine.head('only-sibling')).toBeUndefined();
      await mine.delete('only-sibling');
      expect(await sibling.head('only-sibling')).toEqual({ size: 7 });
      expect(mine.describe()).toContain(`${prefix}-iso`);
    });

    it('deletes idempotently', async () => {
      await store.put('deleted/one', Buffer.from('bye'));
      await store.delete('deleted/one');
      await store.delete('deleted/one');
      await store.delete('deleted/never-was');
      expect(await store.head('deleted/one')).toBeUndefined();
      expect(await listAll(store, 'deleted/')).toEqual([]);
    });

    it('rejects a missing key with ObjectNotFoundError naming it', async () => {
      const error = await store.get('nowhere/missing.json').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ObjectNotFoundError);
      expect((error as ObjectNotFoundError).key).toBe('nowhere/missing.json');
      expect((error as Error).message).toContain(store.describe());
    });

    it('streams 20 MiB up and down with the same SHA-256', async () => {
      const size = 20 * MiB;
      const expected = await sha256Of(patternChunks(size, 11));
      await store.put('big/archive.tar', Readable.from(patternChunks(size, 11)), { contentLength: size });
      expect(await store.head('big/archive.tar')).toEqual({ size });
      expect(await sha256Of(await store.get('big/archive.tar'))).toBe(expected);
    });

    it('reads byte ranges of an object, shorter at its end and empty past it', async () => {
      const bytes = Buffer.concat([...patternChunks(3 * MiB, 31)]);
      await store.put('ranges/object', bytes);
      expect((await store.getRange('ranges/object', 0, 10)).equals(bytes.subarray(0, 10))).toBe(true);
      expect((await store.getRange('ranges/object', 2 * MiB + 7, MiB)).equals(bytes.subarray(2 * MiB + 7, 3 * MiB + 7))).toBe(true);
      expect((await store.getRange('ranges/object', 3 * MiB - 5, 100)).equals(bytes.subarray(3 * MiB - 5))).toBe(true);
      expect((await store.getRange('ranges/object', 3 * MiB + 5, 100)).length).toBe(0);
      const missing = await store.getRange('ranges/missing', 0, 10).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(ObjectNotFoundError);
      await expect(store.getRange('ranges/object', 0, 0)).rejects.toThrow(RangeError);
    });

    it('fails reading a tampered object with ChecksumMismatchError, at the end of the stream', async () => {
      await store.put('tampered/small.json', Buffer.from('{"replicas":3}'));
      await fixture.tamper(`${prefix}/tampered/small.json`, Buffer.from('{"replicas":4}'));
      const stream = await store.get('tampered/small.json');
      const error = await readAll(stream).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChecksumMismatchError);
      expect((error as ChecksumMismatchError).key).toBe('tampered/small.json');

      // Streamed above every adapter's part size, so the digest is recorded after the upload, not with it.
      const size = 17 * MiB;
      await store.put('tampered/big.bin', Readable.from(patternChunks(size, 5)));
      await fixture.tamper(`${prefix}/tampered/big.bin`, Buffer.concat([...patternChunks(size, 6)]));
      const bigError = await sha256Of(await store.get('tampered/big.bin')).catch((e: unknown) => e);
      expect(bigError).toBeInstanceOf(ChecksumMismatchError);
      expect((bigError as Error).message).toContain('tampered/big.bin');
    });

    it('fails a put whose body does not match its content length, leaving no object', async () => {
      const short = store.put('lengths/short', Readable.from([Buffer.alloc(1000)]), { contentLength: 2000 });
      await expect(short).rejects.toThrow(/content length/);
      const long = store.put('lengths/long', Readable.from(patternChunks(18 * MiB, 3)), { contentLength: 17 * MiB });
      await expect(long).rejects.toThrow(/content length/);
      expect(await store.head('lengths/short')).toBeUndefined();
      expect(await store.head('lengths/long')).toBeUndefined();
    });

    it('refuses keys that could leave the location', async () => {
      for (const key of ['../escape', 'a/../../escape', '/absolute', 'a//b', '', 'dir/']) {
        await expect(store.put(key, Buffer.from('x')), key).rejects.toThrow(RangeError);
      }
    });
  });
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the suite should have been skipped');
  return value;
}

const bucket = `contract-${runId}`;

function s3Target(prefix: string): S3Target {
  const info = required(world.s3);
  return {
    kind: 's3',
    bucket,
    prefix,
    region: info.region,
    endpoint: info.endpoint,
    forcePathStyle: true,
    credential: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey },
  };
}

function rawS3(): S3Client {
  const info = required(world.s3);
  return new S3Client({
    endpoint: info.endpoint,
    region: info.region,
    credentials: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey },
    forcePathStyle: true,
  });
}

async function tamperS3(client: S3Client, Key: string, Body: Buffer): Promise<void> {
  const { Metadata } = await client.send(new HeadObjectCommand({ Bucket: bucket, Key }));
  await client.send(new PutObjectCommand({ Bucket: bucket, Key, Body, Metadata }));
}

proveObjectStore('S3 (MinIO)', world.s3 !== undefined, async () => {
  const client = rawS3();
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    open: (prefix, options) => openObjectStore(s3Target(prefix), options),
    tamper: (Key, Body) => tamperS3(client, Key, Body),
  };
});

proveObjectStore('Azure Blob (Azurite)', world.azure !== undefined, async () => {
  const info = required(world.azure);
  const container = BlobServiceClient.fromConnectionString(info.connectionString).getContainerClient(bucket);
  await container.create();
  return {
    open: (prefix, options) =>
      openObjectStore(
        {
          kind: 'azure',
          container: bucket,
          prefix,
          endpoint: info.blobEndpoint,
          credential: { accountName: info.accountName, accountKey: info.accountKey },
        },
        options,
      ),
    tamper: async (name, bytes) => {
      const blob = container.getBlockBlobClient(name);
      const { metadata } = await blob.getProperties();
      await blob.upload(bytes, bytes.length, { metadata });
    },
  };
});

proveObjectStore('GCS (fake-gcs-server)', world.gcs !== undefined, async () => {
  const info = required(world.gcs);
  const storage = new Storage({ apiEndpoint: info.endpoint, projectId: info.projectId });
  await storage.createBucket(bucket);
  return {
    // No credential: a custom endpoint without one is an emulator and is used unauthenticated.
    open: (prefix, options) =>
      openObjectStore({ kind: 'gcs', bucket, prefix, endpoint: info.endpoint, credential: null }, options),
    tamper: async (name, bytes) => {
      const file = storage.bucket(bucket).file(name);
      const [metadata] = await file.getMetadata();
      await file.save(bytes, { resumable: false, metadata: { metadata: metadata.metadata } });
    },
  };
});

proveObjectStore('filesystem (a temp directory)', true, async () => {
  const base = await mkdtemp(join(tmpdir(), 'fleetback-fs-store-'));
  return {
    open: (prefix, options) => openObjectStore({ kind: 'filesystem', path: base, prefix } satisfies LocationTarget, options),
    // A plain write leaves the `.fleetback-sha256` companion as it was.
    tamper: (name, bytes) => writeFile(join(base, name), bytes),
    close: () => rm(base, { recursive: true, force: true }),
  };
});

describe.skipIf(world.s3 === undefined)('S3 objects above the single-copy limit', () => {
  it('get their digest by a multipart copy, and a tampered one still fails verification', async () => {
    const client = rawS3();
    await client.send(new CreateBucketCommand({ Bucket: bucket })).catch(() => undefined);
    // Tuned down from 16 MiB parts and S3's 5 GiB copy limit, so 12 MiB take the path of a 6 GiB archive.
    const store = new S3Store(s3Target(`copy-${runId}`), {}, {
      partSize: 5 * MiB,
      singleCopyLimit: 5 * MiB,
      copyPartSize: 5 * MiB,
    });
    const size = 12 * MiB;
    await store.put('huge.tar', Readable.from(patternChunks(size, 21)));
    expect(await sha256Of(await store.get('huge.tar'))).toBe(await sha256Of(patternChunks(size, 21)));
    await tamperS3(client, `copy-${runId}/huge.tar`, Buffer.concat([...patternChunks(size, 22)]));
    await expect(sha256Of(await store.get('huge.tar'))).rejects.toBeInstanceOf(ChecksumMismatchError);
  });
});
