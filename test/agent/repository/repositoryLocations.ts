import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import { Storage } from '@google-cloud/storage';
import type { LocationTarget } from '#schema/agent/JobPayload';
import type { WorldInfo } from '../../world/WorldInfo.ts';

/** A kind of location the repository suite runs against: makes a fresh empty target of that kind. */
export interface RepositoryLocation {
  name: string;
  /** False when the world lacks the peer; the suite then skips. */
  present: boolean;
  /** A new empty bucket, container or directory; `close` removes what is local. */
  create(): Promise<{ target: LocationTarget; close(): Promise<void> }>;
}

/** Every location kind, each backed by its real peer (MinIO, Azurite, fake-gcs-server, a temp directory). */
export function repositoryLocations(world: WorldInfo, run: string): RepositoryLocation[] {
  let made = 0;
  const name = () => `repo-${run}-${++made}`;
  const nothing = () => Promise.resolve();
  return [
    {
      name: 'filesystem (a temp directory)',
      present: true,
      create: async () => {
        const path = await mkdtemp(join(tmpdir(), 'fleetback-repository-'));
        return { target: { kind: 'filesystem', path, prefix: 'loc' }, close: () => rm(path, { recursive: true, force: true }) };
      },
    },
    {
      name: 'S3 (MinIO)',
      present: world.s3 !== undefined,
      create: async () => {
        const s3 = world.s3!;
        const bucket = name();
        const credential = { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };
        const client = new S3Client({ endpoint: s3.endpoint, region: s3.region, credentials: credential, forcePathStyle: true });
        await client.send(new CreateBucketCommand({ Bucket: bucket }));
        client.destroy();
        const target: LocationTarget = { kind: 's3', bucket, prefix: 'fleet/eu', region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credential };
        return { target, close: nothing };
      },
    },
    {
      name: 'Azure Blob (Azurite)',
      present: world.azure !== undefined,
      create: async () => {
        const azure = world.azure!;
        const container = name();
        await BlobServiceClient.fromConnectionString(azure.connectionString).getContainerClient(container).create();
        const credential = { accountName: azure.accountName, accountKey: azure.accountKey };
        const target: LocationTarget = { kind: 'azure', container, prefix: 'fleet', endpoint: azure.blobEndpoint, credential };
        return { target, close: nothing };
      },
    },
    {
      name: 'GCS (fake-gcs-server)',
      present: world.gcs !== undefined,
      create: async () => {
        const gcs = world.gcs!;
        const bucket = name();
        await new Storage({ apiEndpoint: gcs.endpoint, projectId: gcs.projectId }).createBucket(bucket);
        // No credential: a custom endpoint without one is an emulator and is used unauthenticated.
        const target: LocationTarget = { kind: 'gcs', bucket, prefix: 'fleet', endpoint: gcs.endpoint, credential: null };
        return { target, close: nothing };
      },
    },
  ];
}
