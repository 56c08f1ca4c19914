import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  AccountSASPermissions,
  AccountSASResourceTypes,
  AccountSASServices,
  BlobServiceClient,
  generateAccountSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { Storage } from '@google-cloud/storage';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocationTarget } from '#schema/agent/JobPayload';
import { JobFailure } from '../../../agent/src/jobs/JobFailure.ts';
import { explainStorageError } from '../../../agent/src/storage/explainStorageError.ts';
import { openObjectStore } from '../../../agent/src/storage/openObjectStore.ts';
import { type ProbeLimits, probeLocation } from '../../../agent/src/storage/probeLocation.ts';
import { freePort } from '../../world/freePort.ts';

const world = inject('world');
const runId = randomUUID().slice(0, 8);
const bucket = `probe-${runId}`;
const probeName = `.fleetback-probe-${runId}`;

type Target<K extends LocationTarget['kind']> = Extract<LocationTarget, { kind: K }>;

/** The `JobFailure` a probe of `target` ends with, and how long it took to. */
async function failureOf(
  target: LocationTarget,
  limits?: ProbeLimits,
): Promise<{ failure: JobFailure; ms: number }> {
  const start = performance.now();
  const error = await probeLocation(target, probeName, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JobFailure);
  return { failure: error as JobFailure, ms: performance.now() - start };
}

/** Each failure must name the location as its store describes it, so the user knows which one is wrong. */
function where(target: LocationTarget): string {
  return openObjectStore(target).describe();
}

/** A loopback address nothing listens on. */
async function closedEndpoint(path = ''): Promise<string> {
  return `http://127.0.0.1:${await freePort()}${path}`;
}

describe.skipIf(world.s3 === undefined)('probing an S3 location', () => {
  const info = world.s3 as NonNullable<typeof world.s3>;
  const credential = { accessKeyId: info?.accessKeyId, secretAccessKey: info?.secretAccessKey };
  const target = (over: Partial<Target<'s3'>> = {}): Target<'s3'> => ({
    kind: 's3',
    bucket,
    prefix: 'team-a/prod',
    region: info.region,
    endpoint: info.endpoint,
    forcePathStyle: true,
    credential,
    ...over,
  });
  const raw = () => new S3Client({ endpoint: info.endpoint, region: info.region, credentials: credential, forcePathStyle: true });
  beforeAll(async () => {
    await raw().send(new CreateBucketCommand({ Bucket: bucket }));
  });

  it('passes on a working bucket and leaves no probe object behind', async () => {
    await probeLocation(target(), probeName);
    const listed = await raw().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'team-a/' }));
    expect(listed.Contents ?? []).toEqual([]);
  });

  it('reports a wrong secret key as a refused credential', async () => {
    const wrong = target({ credential: { ...credential, secretAccessKey: 'not-the-secret' } });
    const { failure } = await failureOf(wrong);
    expect(failure.message).toContain(`the storage service refused the credential for ${where(wrong)}`);
    expect(failure.message).toContain('(SignatureDoesNotMatch)');
    expect(failure.message).toContain('secret access key');
  });

  it('reports an unknown access key as a refused credential', async () => {
    const { failure } = await failureOf(target({ credential: { ...credential, accessKeyId: 'nobody' } }));
    expect(failure.message).toMatch(/refused the credential .*\(InvalidAccessKeyId\): check the access key ID/);
  });

  it('reports a missing bucket', async () => {
    const missing = target({ bucket: `missing-${runId}` });
    const { failure } = await failureOf(missing);
    expect(failure.message).toContain(`the bucket of ${where(missing)} does not exist (NoSuchBucket)`);
    expect(failure.message).toContain('create it');
  });

  it('reports an endpoint nothing listens on as unreachable, quickly', async () => {
    const dead = target({ endpoint: await closedEndpoint() });
    const { failure, ms } = await failureOf(dead);
    expect(failure.message).toContain(`could not reach ${where(dead)} (ECONNREFUSED)`);
    expect(ms).toBeLessThan(10_000);
  });
});

describe.skipIf(world.azure === undefined)('probing an Azure location', () => {
  const info = world.azure as NonNullable<typeof world.azure>;
  const target = (credential: Target<'azure'>['credential'], over: Partial<Target<'azure'>> = {}): Target<'azure'> => ({
    kind: 'azure',
    container: bucket,
    prefix: 'team-a/prod',
    endpoint: info.blobEndpoint,
    credential,
    ...over,
  });
  const accountKey = () => ({ accountName: info.accountName, accountKey: info.accountKey });
  const service = () => BlobServiceClient.fromConnectionString(info.connectionString);
  beforeAll(async () => {
    await service().getContainerClient(bucket).create();
  });

  it('passes with an account key, a SAS token and a connection string, leaving no probe blob behind', async () => {
    const sasToken = generateAccountSASQueryParameters(
      {
        expiresOn: new Date(Date.now() + 3_600_000),
        permissions: AccountSASPermissions.parse('rwdlac'),
        resourceTypes: AccountSASResourceTypes.parse('sco').toString(),
        services: AccountSASServices.parse('b').toString(),
      },
      new StorageSharedKeyCredential(info.accountName, info.accountKey),
    ).toString();
    await probeLocation(target(accountKey()), probeName);
    await probeLocation(target({ accountName: info.accountName, sasToken }), probeName);
    await probeLocation(target({ accountName: null, connectionString: info.connectionString }, { endpoint: null }), probeName);
    const left: string[] = [];
    for await (const blob of service().getContainerClient(bucket).listBlobsFlat()) left.push(blob.name);
    expect(left).toEqual([]);
  });

  it('reports a wrong account key as a refused credential', async () => {
    const wrong = target({ ...accountKey(), accountKey: Buffer.from('not the key').toString('base64') });
    const { failure } = await failureOf(wrong);
    expect(failure.message).toContain(`the storage service refused the credential for ${where(wrong)}`);
    expect(failure.message).toContain('account key, SAS token or connection string');
  });

  it('reports a missing container', async () => {
    const missing = target(accountKey(), { container: `missing-${runId}` });
    const { failure } = await failureOf(missing);
    expect(failure.message).toContain(`the container of ${where(missing)} does not exist (ContainerNotFound)`);
  });

  it('reports an endpoint nothing listens on as unreachable, quickly', async () => {
    const dead = target(accountKey(), { endpoint: await closedEndpoint(`/${info.accountName}`) });
    const { failure, ms } = await failureOf(dead);
    expect(failure.message).toContain(`could not reach ${where(dead)} (ECONNREFUSED)`);
    expect(ms).toBeLessThan(10_000);
  });

  it('refuses a location without a usable credential before sending anything', async () => {
    const { failure } = await failureOf(target(null));
    expect(failure.message).toContain('has no usable credential');
  });
});

describe.skipIf(world.gcs === undefined)('probing a GCS location', () => {
  const info = world.gcs as NonNullable<typeof world.gcs>;
  // fake-gcs-server does not authenticate, so a wrong credential cannot be shown here (see the unit test).
  const target = (over: Partial<Target<'gcs'>> = {}): Target<'gcs'> => ({
    kind: 'gcs',
    bucket,
    prefix: 'team-a/prod',
    endpoint: info.endpoint,
    credential: null,
    ...over,
  });
  const storage = () => new Storage({ apiEndpoint: info.endpoint, projectId: info.projectId });
  beforeAll(async () => {
    await storage().createBucket(bucket);
  });

  it('passes on a working bucket and leaves no probe object behind', async () => {
    await probeLocation(target(), probeName);
    const [files] = await storage().bucket(bucket).getFiles({ prefix: 'team-a/' });
    expect(files.map((f) => f.name)).toEqual([]);
  });

  it('reports a missing bucket', async () => {
    const missing = target({ bucket: `missing-${runId}` });
    const { failure } = await failureOf(missing);
    expect(failure.message).toContain(`the bucket of ${where(missing)} does not exist`);
  });

  it('reports an endpoint nothing listens on as unreachable, quickly', async () => {
    const dead = target({ endpoint: await closedEndpoint() });
    const { failure, ms } = await failureOf(dead);
    expect(failure.message).toContain(`could not reach ${where(dead)} (ECONNREFUSED)`);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('probing a filesystem location', () => {
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'fleetback-probe-'));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('passes on an existing directory and leaves no probe file behind', async () => {
    await probeLocation({ kind: 'filesystem', path: base, prefix: 'team-a' }, probeName);
    expect(await readdir(join(base, 'team-a'))).toEqual([]);
  });

  it('reports a path that is not mounted', async () => {
    const { failure } = await failureOf({ kind: 'filesystem', path: join(base, 'not-mounted'), prefix: '' });
    expect(failure.message).toContain('does not exist');
  });
});

describe('probing an endpoint that accepts connections but never answers', () => {
  let server: Server;
  const sockets = new Set<Socket>();
  let endpoint: string;
  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  // Shortened from 10 s per request and 30 s per step, to keep the suite quick; the mechanism is the same.
  const limits: ProbeLimits = { requestTimeoutMs: 1_000, stepTimeoutMs: 4_000 };

  it.each<[string, () => LocationTarget]>([
    [
      's3',
      () => ({
        kind: 's3',
        bucket,
        prefix: '',
        region: 'us-east-1',
        endpoint,
        forcePathStyle: true,
        credential: { accessKeyId: 'key', secretAccessKey: 'secret' },
      }),
    ],
    [
      'azure',
      () => ({
        kind: 'azure',
        container: bucket,
        prefix: '',
        endpoint: `${endpoint}/account`,
        credential: { accountName: 'account', accountKey: Buffer.from('key').toString('base64') },
      }),
    ],
    ['gcs', () => ({ kind: 'gcs', bucket, prefix: '', endpoint, credential: null })],
  ])('gives up on %s within its time limits and says the endpoint cannot be reached', async (_kind, target) => {
    const { failure, ms } = await failureOf(target(), limits);
    expect(failure.message).toContain(`could not reach ${where(target())} (no answer in time)`);
    expect(ms).toBeLessThan(6_000);
  });

  it('bounds every GCS request by its request timeout, JSON API and upload session alike', async () => {
    // The client library's JSON API transport ignores its own timeout option; the step deadline must not be
    // what ends these.
    const store = openObjectStore(
      { kind: 'gcs', bucket, prefix: '', endpoint, credential: null },
      { maxAttempts: 1, requestTimeoutMs: 500 },
    );
    const calls: [string, () => Promise<unknown>][] = [
      ['head', () => store.head('a')],
      ['get', () => store.get('a')],
      ['put (one request)', () => store.put('a', Buffer.from('small'))],
      ['put (upload session)', () => store.put('b', Buffer.alloc(9 * 1024 ** 2))],
      ['list', async () => {
        for await (const key of store.list('')) return key;
      }],
      ['delete', () => store.delete('a')],
    ];
    for (const [call, run] of calls) {
      const start = performance.now();
      const error = await run().then(() => undefined, (e: unknown) => e);
      const explained = explainStorageError(error, { kind: 'gcs', where: store.describe() }, 'write');
      expect(explained.message, call).toContain('(no answer in time)');
      expect(performance.now() - start, call).toBeLessThan(2_000);
    }
  });
});
