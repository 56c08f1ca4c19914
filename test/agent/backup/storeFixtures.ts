import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { LocationTarget } from '#schema/agent/JobPayload';
import type { ObjectStore, PutOptions } from '../../../agent/src/storage/ObjectStore.ts';
import { openObjectStore } from '../../../agent/src/storage/openObjectStore.ts';
import type { WorldInfo } from '../../world/WorldInfo.ts';

/** A kind of backup location the backup suite runs against, with the store-specific ways to prove things. */
export interface StoreFixture {
  name: string;
  /** False when the world lacks the peer; the suite then skips. */
  present: boolean;
  /** Makes a fresh, empty location (a bucket, a directory under `work`). */
  create(work: string): Promise<LocationTarget>;
  /** The file behind a key, for locations that are directories (to read modification times). */
  fileOf?: (target: LocationTarget, key: string) => string;
  /**
   * Arranges for the store to fail, for real, when backup `id` writes its `index.jsonl`, and returns the store
   * the backup is to use.
   */
  failIndexWrites(target: LocationTarget, store: ObjectStore, id: string): Promise<ObjectStore>;
  /** What the job's failure message must say about that failure. */
  indexFailure(id: string): RegExp;
}

/**
 * Sends every write of an `index.jsonl` to another real store (one whose bucket does not exist), and
 * everything else to the real one: MinIO itself then refuses that one write, mid-backup.
 */
class IndexWritesElsewhere implements ObjectStore {
  constructor(
    private readonly real: ObjectStore,
    private readonly elsewhere: ObjectStore,
  ) {}
  put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<void> {
    return (key.endsWith('/index.jsonl') ? this.elsewhere : this.real).put(key, body, options);
  }
  get(key: string) {
    return this.real.get(key);
  }
  getRange(key: string, offset: number, length: number) {
    return this.real.getRange(key, offset, length);
  }
  head(key: string) {
    return this.real.head(key);
  }
  list(prefix: string) {
    return this.real.list(prefix);
  }
  delete(key: string) {
    return this.real.delete(key);
  }
  describe() {
    return this.real.describe();
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function storeFixtures(world: WorldInfo, run: string): StoreFixture[] {
  const s3 = world.s3;
  return [
    {
      name: 'a filesystem location',
      present: true,
      create: async (work) => {
        const path = join(work, 'fs-location');
        await mkdir(path, { recursive: true });
        return { kind: 'filesystem', path, prefix: `loc-${run}` };
      },
      fileOf: (target, key) => join((target as { path: string }).path, target.prefix, key),
      // A directory where index.jsonl is to go: the store's final rename fails with EISDIR, and the cleanup
      // cannot delete it either, which must be reported without hiding the first failure.
      failIndexWrites: async (target, store, id) => {
        await mkdir(join((target as { path: string }).path, target.prefix, 'backups', id, 'index.jsonl'), { recursive: true });
        return store;
      },
      indexFailure: (id) =>
        new RegExp(
          `^writing backups/${escape(id)}/index\\.jsonl failed: could not use .*\\(EISDIR\\).*` +
            `could not remove what this run wrote.*backups/${escape(id)}/index\\.jsonl: Path is a directory`,
        ),
    },
    {
      name: 'S3 (MinIO)',
      present: s3 !== undefined,
      create: async () => {
        if (!s3) throw new Error('the suite should have been skipped');
        const bucket = `run-backup-${run}`;
        const credential = { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };
        const client = new S3Client({ endpoint: s3.endpoint, region: s3.region, credentials: credential, forcePathStyle: true });
        await client.send(new CreateBucketCommand({ Bucket: bucket }));
        client.destroy();
        return { kind: 's3', bucket, prefix: 'fleet/eu', region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credential };
      },
      failIndexWrites: async (target, store) =>
        new IndexWritesElsewhere(store, openObjectStore({ ...target, bucket: `missing-${run}` } as LocationTarget)),
      indexFailure: (id) =>
        new RegExp(`^writing backups/${escape(id)}/index\\.jsonl failed: the bucket of .* does not exist \\(NoSuchBucket\\)`),
    },
  ];
}
