import type { Readable } from 'node:stream';
import {
  AnonymousCredential,
  BlobServiceClient,
  type ContainerClient,
  isRestError,
  StorageRetryPolicyType,
  StorageSharedKeyCredential,
  type StoragePipelineOptions,
} from '@azure/storage-blob';
import type { LocationTarget } from '#schema/agent/JobPayload';
import { JobFailure } from '../jobs/JobFailure.ts';
import { ChecksumMismatchError } from './ChecksumMismatchError.ts';
import { checkRange } from './checkRange.ts';
import { collectBytes } from './collectBytes.ts';
import { KeyPrefix } from './KeyPrefix.ts';
import { ObjectNotFoundError } from './ObjectNotFoundError.ts';
import type { ObjectHead, ObjectStore, PutOptions } from './ObjectStore.ts';
import { defaultListPageSize, defaultMaxAttempts, type ObjectStoreOptions } from './ObjectStoreOptions.ts';
import { prepareBody } from './prepareBody.ts';
import { sha256MetadataKey } from './sha256MetadataKey.ts';
import { verifySha256 } from './verifySha256.ts';

export type AzureTarget = Extract<LocationTarget, { kind: 'azure' }>;

/** Blocks staged per request: 8 MiB, times 50,000 blocks a blob may have, allows 390 GiB. */
const blockSize = 8 * 1024 ** 2;
const concurrency = 4;

/**
 * An Azure Blob Storage container as an `ObjectStore`, objects being block blobs. Authenticates with an
 * account key, a SAS token or a connection string. Proxies come from HTTPS_PROXY / NO_PROXY, which the SDK
 * reads itself.
 */
export class AzureBlobStore implements ObjectStore {
  readonly #container: ContainerClient;
  readonly #keys: KeyPrefix;
  readonly #where: string;
  readonly #pageSize: number;
  readonly #requestTimeoutMs: number | undefined;

  /** Throws `JobFailure` when the target's credential cannot work at all (no account name for a key…). */
  constructor(target: AzureTarget, options: ObjectStoreOptions = {}) {
    this.#keys = new KeyPrefix(target.prefix);
    this.#pageSize = options.listPageSize ?? defaultListPageSize;
    this.#requestTimeoutMs = options.requestTimeoutMs;
    this.#container = serviceClient(target, options).getContainerClient(target.container);
    // The container URL carries a SAS token when one is used; it is a secret and never goes into messages.
    const url = new URL(this.#container.url);
    url.search = '';
    this.#where = `${url.href.replace(/\/+$/, '')}${this.#keys.path ? `/${this.#keys.path}` : ''}`;
  }

  describe(): string {
    return this.#where;
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<void> {
    const blob = this.#container.getBlockBlobClient(this.#keys.full(key));
    const prepared = await prepareBody(body, blockSize, options.contentLength);
    if (prepared.kind === 'buffer') {
      await blob.uploadData(prepared.buffer, {
        metadata: { [sha256MetadataKey]: prepared.sha256 },
        blockSize,
        maxSingleShotSize: blockSize,
        concurrency,
        ...this.#abort(),
      });
      return;
    }
    // Staged blocks become the blob only at the final commit, so a failed stream leaves nothing behind.
    const uploaded = await blob.uploadStream(prepared.stream, blockSize, concurrency, this.#abort());
    // The digest is known only now; setting metadata copies no data. ifMatch: never label a newer overwrite.
    await blob.setMetadata(
      { [sha256MetadataKey]: prepared.meter.sha256 },
      { conditions: { ifMatch: uploaded.etag }, ...this.#abort() },
    );
  }

  async get(key: string): Promise<Readable> {
    const blob = this.#container.getBlockBlobClient(this.#keys.full(key));
    let response;
    try {
      // maxRetryRequests: a download interrupted midway resumes where it stopped, pinned to the same ETag.
      response = await blob.download(0, undefined, { maxRetryRequests: defaultMaxAttempts, ...this.#abort() });
    } catch (error) {
      if (errorCode(error) === 'BlobNotFound') throw new ObjectNotFoundError(key, this.#where, { cause: error });
      throw error;
    }
    const expected = response.metadata?.[sha256MetadataKey];
    if (!response.readableStreamBody) throw new Error(`the store sent no body for '${key}' in ${this.#where}`);
    return verifySha256(
      response.readableStreamBody,
      expected,
      (actual) => new ChecksumMismatchError(key, expected ?? '', actual, this.#where),
    );
  }

  async getRange(key: string, offset: number, length: number): Promise<Buffer> {
    checkRange(key, offset, length);
    const blob = this.#container.getBlockBlobClient(this.#keys.full(key));
    try {
      const response = await blob.download(offset, length, { maxRetryRequests: defaultMaxAttempts, ...this.#abort() });
      if (!response.readableStreamBody) throw new Error(`the store sent no body for '${key}' in ${this.#where}`);
      return await collectBytes(response.readableStreamBody as AsyncIterable<Buffer>);
    } catch (error) {
      if (errorCode(error) === 'BlobNotFound') throw new ObjectNotFoundError(key, this.#where, { cause: error });
      // 416: the blob ends before `offset`.
      if (isRestError(error) && error.statusCode === 416) return Buffer.alloc(0);
      throw error;
    }
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    const blob = this.#container.getBlockBlobClient(this.#keys.full(key));
    try {
      const properties = await blob.getProperties(this.#abort());
      return { size: properties.contentLength ?? 0 };
    } catch (error) {
      if (errorCode(error) === 'BlobNotFound') return undefined;
      throw error;
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    const pages = this.#container
      .listBlobsFlat({ prefix: this.#keys.fullListPrefix(prefix), ...this.#abort() })
      .byPage({ maxPageSize: this.#pageSize });
    for await (const page of pages) {
      for (const item of page.segment.blobItems) yield this.#keys.relative(item.name);
    }
  }

  async delete(key: string): Promise<void> {
    const blob = this.#container.getBlockBlobClient(this.#keys.full(key));
    // Only a missing blob counts as done; a missing container still fails.
    await blob.deleteIfExists({ deleteSnapshots: 'include', ...this.#abort() });
  }

  // The SDK has no connect timeout of its own; a probe bounds each request with an abort signal instead.
  #abort(): { abortSignal?: AbortSignal } {
    return this.#requestTimeoutMs ? { abortSignal: AbortSignal.timeout(this.#requestTimeoutMs) } : {};
  }
}

/** The error code of an Azure answer; HEAD answers carry it only in a header, which lands in `details`. */
function errorCode(error: unknown): string | undefined {
  if (!isRestError(error)) return undefined;
  const details = error.details as { errorCode?: string } | undefined;
  return error.code ?? details?.errorCode;
}

function serviceClient(target: AzureTarget, options: ObjectStoreOptions): BlobServiceClient {
  const pipeline: StoragePipelineOptions = {
    // Azure's policy retries 500, 503 (its throttling answer) and network errors, with exponential backoff.
    retryOptions: {
      retryPolicyType: StorageRetryPolicyType.EXPONENTIAL,
      maxTries: options.maxAttempts ?? defaultMaxAttempts,
      retryDelayInMs: 1_000,
      maxRetryDelayInMs: 30_000,
    },
  };
  const credential = target.credential;
  if (credential?.connectionString) return BlobServiceClient.fromConnectionString(credential.connectionString, pipeline);
  const account = credential?.accountName;
  if (!credential || !account || !(credential.accountKey || credential.sasToken)) {
    // Azure AD workload identity would need @azure/identity, which this agent does not ship.
    throw new JobFailure(
      `the Azure location for container '${target.container}' has no usable credential: ` +
        'give it a credential with the storage account name and an account key, a SAS token or a connection string',
    );
  }
  const url = (target.endpoint ?? `https://${account}.blob.core.windows.net`).replace(/\/+$/, '');
  if (credential.accountKey) {
    return new BlobServiceClient(url, new StorageSharedKeyCredential(account, credential.accountKey), pipeline);
  }
  const sas = (credential.sasToken ?? '').replace(/^\?/, '');
  return new BlobServiceClient(`${url}?${sas}`, new AnonymousCredential(), pipeline);
}
