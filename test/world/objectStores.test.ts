import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { BlobServiceClient } from '@azure/storage-blob';
import { Storage } from '@google-cloud/storage';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { patternChunks } from './stores/patternChunks.ts';
import { sha256Of } from './stores/sha256Of.ts';

const world = inject('world');
const bigSize = 64 * 1024 * 1024;
const partSize = 8 * 1024 * 1024;

/** The few operations the proofs need, implemented once per store's own SDK. */
interface StoreUnderTest {
  createBucket(): Promise<void>;
  put(key: string, body: string): Promise<void>;
  /** The object's content, or `undefined` when it does not exist. */
  get(key: string): Promise<string | undefined>;
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
  /** Uploads in parts of `partSize`; returns how many parts the store reports, when it can tell. */
  putLarge(key: string, body: Readable): Promise<number | undefined>;
  getStream(key: string): Promise<AsyncIterable<Uint8Array | string>>;
}

// The same contract for every store, so a store that behaves differently shows up as one failing suite.
function proveStore(name: string, present: boolean, connect: () => StoreUnderTest): void {
  describe.skipIf(!present)(name, () => {
    let store: StoreUnderTest;
    beforeAll(async () => {
      store = connect();
      await store.createBucket();
    });

    it('puts, gets, lists by prefix and deletes an object', async () => {
      await store.put('backups/one.json', '{"n":1}');
      await store.put('other/two.json', '{"n":2}');
      expect(await store.get('backups/one.json')).toBe('{"n":1}');
      expect(await store.list('backups/')).toEqual(['backups/one.json']);
      await store.delete('backups/one.json');
      expect(await store.get('backups/one.json')).toBeUndefined();
      expect(await store.list('backups/')).toEqual([]);
    });

    it('uploads 64 MiB in parts and reads back the same bytes', async () => {
      const expected = await sha256Of(patternChunks(bigSize, 7));
      const uploadStart = performance.now();
      const parts = await store.putLarge('big/archive.tar', Readable.from(patternChunks(bigSize, 7)));
      const downloadStart = performance.now();
      const actual = await sha256Of(await store.getStream('big/archive.tar'));
      const end = performance.now();
      console.info(
        `${name}: 64 MiB upload ${Math.round(downloadStart - uploadStart)} ms, download ${Math.round(end - downloadStart)} ms`,
      );
      expect(actual).toBe(expected);
      if (parts !== undefined) expect(parts).toBe(bigSize / partSize);
    });
  });
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the suite should have been skipped');
  return value;
}

const bucket = `proof-${Date.now()}`;

proveStore('S3 (MinIO)', world.s3 !== undefined, () => {
  const info = required(world.s3);
  const client = new S3Client({
    endpoint: info.endpoint,
    region: info.region,
    credentials: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey },
    forcePathStyle: true,
  });
  const Bucket = bucket;
  return {
    createBucket: async () => void (await client.send(new CreateBucketCommand({ Bucket }))),
    put: async (Key, Body) => void (await client.send(new PutObjectCommand({ Bucket, Key, Body }))),
    get: async (Key) => {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key }));
        return await object.Body?.transformToString();
      } catch (error) {
        if (error instanceof Error && error.name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    list: async (Prefix) => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket, Prefix }));
      return (listed.Contents ?? []).map((o) => required(o.Key));
    },
    delete: async (Key) => void (await client.send(new DeleteObjectCommand({ Bucket, Key }))),
    putLarge: async (Key, Body) => {
      await new Upload({ client, params: { Bucket, Key, Body }, partSize, queueSize: 2 }).done();
      // A multipart object's ETag is `"<md5 of part md5s>-<part count>"`.
      const head = await client.send(new HeadObjectCommand({ Bucket, Key }));
      return Number(/-(\d+)"$/.exec(head.ETag ?? '')?.[1]);
    },
    getStream: async (Key) => {
      const object = await client.send(new GetObjectCommand({ Bucket, Key }));
      return required(object.Body).transformToWebStream();
    },
  };
});

proveStore('GCS (fake-gcs-server)', world.gcs !== undefined, () => {
  const info = required(world.gcs);
  const storage = new Storage({ apiEndpoint: info.endpoint, projectId: info.projectId });
  const files = storage.bucket(bucket);
  return {
    createBucket: async () => void (await storage.createBucket(bucket)),
    put: async (key, body) => await files.file(key).save(body, { resumable: false }),
    get: async (key) => {
      const file = files.file(key);
      const [exists] = await file.exists();
      return exists ? (await file.download())[0].toString() : undefined;
    },
    list: async (prefix) => (await files.getFiles({ prefix }))[0].map((f) => f.name),
    delete: async (key) => void (await files.file(key).delete()),
    putLarge: async (key, body) => {
      // A chunk size makes the client send the resumable session as several ranged PUTs, not one stream.
      await pipeline(body, files.file(key).createWriteStream({ resumable: true, chunkSize: partSize }));
      return undefined;
    },
    getStream: async (key) => files.file(key).createReadStream(),
  };
});

proveStore('Azure Blob (Azurite)', world.azure !== undefined, () => {
  const info = required(world.azure);
  const container = BlobServiceClient.fromConnectionString(info.connectionString).getContainerClient(bucket);
  const blob = (key: string) => container.getBlockBlobClient(key);
  return {
    createBucket: async () => void (await container.create()),
    put: async (key, body) => void (await blob(key).upload(body, Buffer.byteLength(body))),
    get: async (key) => {
      if (!(await blob(key).exists())) return undefined;
      return (await blob(key).downloadToBuffer()).toString();
    },
    list: async (prefix) => {
      const names: string[] = [];
      for await (const item of container.listBlobsFlat({ prefix })) names.push(item.name);
      return names;
    },
    delete: async (key) => void (await blob(key).delete()),
    putLarge: async (key, body) => {
      await blob(key).uploadStream(body, partSize, 2);
      const { committedBlocks } = await blob(key).getBlockList('committed');
      return committedBlocks?.length;
    },
    getStream: async (key) => required((await blob(key).download()).readableStreamBody),
  };
});
