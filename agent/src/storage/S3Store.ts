import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { LocationTarget } from '#schema/agent/JobPayload';
import { proxyFor } from '../link/proxyFor.ts';
import { ChecksumMismatchError } from './ChecksumMismatchError.ts';
import { checkRange } from './checkRange.ts';
import { KeyPrefix } from './KeyPrefix.ts';
import { ObjectNotFoundError } from './ObjectNotFoundError.ts';
import type { ObjectHead, ObjectStore, PutOptions } from './ObjectStore.ts';
import {
  connectTimeoutMs,
  defaultListPageSize,
  defaultMaxAttempts,
  type ObjectStoreOptions,
} from './ObjectStoreOptions.ts';
import { prepareBody } from './prepareBody.ts';
import { setS3ObjectMetadata } from './setS3ObjectMetadata.ts';
import { sha256MetadataKey } from './sha256MetadataKey.ts';
import { verifySha256 } from './verifySha256.ts';

export type S3Target = Extract<LocationTarget, { kind: 's3' }>;

/** Sizes a test may lower to exercise large-object paths with small objects. */
export interface S3Tuning {
  /** Multipart part size; also the largest object written in one request. Default 16 MiB (10,000 parts: 160 GB). */
  partSize?: number;
  /** Streamed objects above this size get their digest by a multipart copy. Default S3's 5 GiB limit. */
  singleCopyLimit?: number;
  copyPartSize?: number;
}

/** An S3 bucket, on AWS or any S3-compatible store (MinIO, Ceph, …), as an `ObjectStore`. */
export class S3Store implements ObjectStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #keys: KeyPrefix;
  readonly #where: string;
  readonly #pageSize: number;
  readonly #tuning: Required<Pick<S3Tuning, 'partSize'>> & S3Tuning;

  constructor(target: S3Target, options: ObjectStoreOptions = {}, tuning: S3Tuning = {}) {
    this.#bucket = target.bucket;
    this.#keys = new KeyPrefix(target.prefix);
    this.#where = `s3://${target.bucket}${this.#keys.path ? `/${this.#keys.path}` : ''}`;
    if (target.endpoint) this.#where += ` at ${target.endpoint}`;
    this.#pageSize = options.listPageSize ?? defaultListPageSize;
    this.#tuning = { partSize: 16 * 1024 ** 2, ...tuning };
    this.#client = createClient(target, options);
  }

  describe(): string {
    return this.#where;
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<void> {
    const Key = this.#keys.full(key);
    const { partSize } = this.#tuning;
    const prepared = await prepareBody(body, partSize, options.contentLength);
    const upload = (Body: Readable | Buffer, Metadata?: Record<string, string>) =>
      // leavePartsOnError false (the default): a failed multipart upload is aborted, not left billed.
      new Upload({ client: this.#client, params: { Bucket: this.#bucket, Key, Body, Metadata }, partSize, queueSize: 4 });
    if (prepared.kind === 'buffer') {
      await upload(prepared.buffer, { [sha256MetadataKey]: prepared.sha256 }).done();
      return;
    }
    // S3 takes metadata only when an upload starts, and a stream's digest is known only at its end.
    const uploaded = await upload(prepared.stream).done();
    if (!uploaded.ETag) throw new Error(`the store returned no ETag for '${key}' in ${this.#where}`);
    await setS3ObjectMetadata(this.#client, {
      Bucket: this.#bucket,
      Key,
      ETag: uploaded.ETag,
      size: prepared.meter.bytes,
      metadata: { [sha256MetadataKey]: prepared.meter.sha256 },
      singleCopyLimit: this.#tuning.singleCopyLimit,
      copyPartSize: this.#tuning.copyPartSize,
    });
  }

  async get(key: string): Promise<Readable> {
    const Key = this.#keys.full(key);
    let response;
    try {
      response = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key }));
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey') throw new ObjectNotFoundError(key, this.#where, { cause: error });
      throw error;
    }
    // In Node the SDK's body is the response stream itself.
    if (!(response.Body instanceof Readable)) throw new Error(`the store sent no body for '${key}' in ${this.#where}`);
    return verifySha256(
      response.Body,
      response.Metadata?.[sha256MetadataKey],
      (actual) => new ChecksumMismatchError(key, response.Metadata?.[sha256MetadataKey] ?? '', actual, this.#where),
    );
  }

  async getRange(key: string, offset: number, length: number): Promise<Buffer> {
    checkRange(key, offset, length);
    const Key = this.#keys.full(key);
    const Range = `bytes=${offset}-${offset + length - 1}`;
    try {
      const response = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key, Range }));
      return Buffer.from((await response.Body?.transformToByteArray()) ?? []);
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey') throw new ObjectNotFoundError(key, this.#where, { cause: error });
      // 416: the object ends before `offset`.
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 416) return Buffer.alloc(0);
      throw error;
    }
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    const Key = this.#keys.full(key);
    try {
      const response = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key }));
      return { size: response.ContentLength ?? 0 };
    } catch (error) {
      // A HEAD answer has no body, so a missing key and a missing bucket are the same bare 404.
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw error;
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    const Prefix = this.#keys.fullListPrefix(prefix);
    let ContinuationToken: string | undefined;
    do {
      const page = await this.#client.send(
        new ListObjectsV2Command({ Bucket: this.#bucket, Prefix, MaxKeys: this.#pageSize, ContinuationToken }),
      );
      for (const object of page.Contents ?? []) if (object.Key) yield this.#keys.relative(object.Key);
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 for a key that is not there, so a repeated delete already succeeds.
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#keys.full(key) }));
  }
}

function createClient(target: S3Target, options: ObjectStoreOptions): S3Client {
  const endpoint = target.endpoint ?? undefined;
  const region = target.region ?? 'us-east-1';
  // The AWS SDK, unlike Azure's and Google's, ignores HTTPS_PROXY; the agent honours it everywhere.
  const proxy = proxyFor(new URL(endpoint ?? `https://s3.${region}.amazonaws.com`), options.env ?? process.env);
  const agent = proxy ? new HttpsProxyAgent(proxy) : undefined;
  // S3-compatible stores often reject the flexible checksums the SDK sends by default since 3.729; AWS
  // takes them. Integrity does not depend on them: every object carries our own SHA-256.
  const checksums = endpoint ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
  return new S3Client({
    region,
    endpoint,
    forcePathStyle: target.forcePathStyle,
    // No credential: the SDK's default chain (IRSA / pod identity, instance role, environment).
    credentials: target.credential ?? undefined,
    // On AWS a bucket may live in another region than the one configured; follow S3's redirect to it.
    followRegionRedirects: endpoint === undefined,
    // Standard mode: exponential backoff with jitter on throttling (SlowDown, 503), 5xx and network errors.
    retryMode: 'standard',
    maxAttempts: options.maxAttempts ?? defaultMaxAttempts,
    requestChecksumCalculation: checksums,
    responseChecksumValidation: checksums,
    requestHandler: {
      connectionTimeout: connectTimeoutMs,
      // A connection silent this long is dead; a slow but moving transfer is not cut.
      socketTimeout: 120_000,
      ...(options.requestTimeoutMs ? { requestTimeout: options.requestTimeoutMs, throwOnRequestTimeout: true } : {}),
      ...(agent ? { httpsAgent: agent, httpAgent: agent } : {}),
    },
  });
}
