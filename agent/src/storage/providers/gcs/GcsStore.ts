import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Bucket, IdempotencyStrategy, Storage, type StorageOptions } from '@google-cloud/storage';
import type { LocationTarget } from '#schema/agent/LocationTarget';
import { JobFailure } from '../../../jobs/JobFailure.ts';
import { ChecksumMismatchError } from '../../ChecksumMismatchError.ts';
import { KeyPrefix } from '../../KeyPrefix.ts';
import { ObjectNotFoundError } from '../../ObjectNotFoundError.ts';
import type { ObjectHead, ObjectStore, PutOptions } from '../../ObjectStore.ts';
import { defaultListPageSize, defaultMaxAttempts, type ObjectStoreOptions } from '../../ObjectStoreOptions.ts';
import { prepareBody } from '../../prepareBody.ts';
import { sha256MetadataKey } from '../../sha256MetadataKey.ts';
import { verifySha256 } from '../../verifySha256.ts';
import { checkRange } from '../../checkRange.ts';
import { collectBytes } from '../../collectBytes.ts';

export type GcsTarget = LocationTarget<'gcs'>;

/** What a request interceptor returns; the library does not export the type. */
type InterceptedRequest = ReturnType<NonNullable<StorageOptions['interceptors_']>[number]['request']>;

/** Resumable uploads send chunks of this size (a multiple of 256 KiB), each retried on its own. */
const chunkSize = 8 * 1024 ** 2;

/**
 * A Google Cloud Storage bucket as an `ObjectStore`. Authenticates with the location's service-account JSON;
 * without one, a custom endpoint (an emulator, or a private endpoint that authenticates at the network
 * layer) gets unauthenticated requests, and Google's own endpoint Application Default Credentials (GKE
 * workload identity). Proxies come from HTTPS_PROXY / NO_PROXY, which the client library reads itself.
 *
 * `requestTimeoutMs` bounds every request but the download of an object's bytes: the library's upload
 * sessions (gaxios) honour a per-request timeout; its JSON API requests (teeny-request on node-fetch 3)
 * ignore theirs, so those calls are raced against a deadline here, and an abandoned request ends on its own.
 */
export class GcsStore implements ObjectStore {
  readonly #bucket: Bucket;
  readonly #keys: KeyPrefix;
  readonly #where: string;
  readonly #pageSize: number;
  readonly #requestTimeoutMs: number | undefined;

  /** Throws `JobFailure` when the service-account JSON cannot be parsed. */
  constructor(target: GcsTarget, options: ObjectStoreOptions = {}) {
    this.#keys = new KeyPrefix(target.prefix);
    this.#pageSize = options.listPageSize ?? defaultListPageSize;
    this.#requestTimeoutMs = options.requestTimeoutMs;
    this.#where = `gs://${target.bucket}${this.#keys.path ? `/${this.#keys.path}` : ''}`;
    if (target.endpoint) this.#where += ` at ${target.endpoint}`;
    this.#bucket = new Storage(storageOptions(target, options)).bucket(target.bucket);
  }

  describe(): string {
    return this.#where;
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<void> {
    const file = this.#bucket.file(this.#keys.full(key));
    const prepared = await prepareBody(body, chunkSize, options.contentLength);
    if (prepared.kind === 'buffer') {
      const resumable = prepared.buffer.length > chunkSize;
      const saved = file.save(prepared.buffer, {
        resumable,
        ...(resumable ? { chunkSize } : {}),
        metadata: { metadata: { [sha256MetadataKey]: prepared.sha256 } },
      });
      // A resumable upload's requests carry their own timeout; a one-shot upload is a JSON API request.
      await (resumable ? saved : this.#bounded(saved));
      return;
    }
    // The object appears only when the session's last chunk arrives, which a failed stream never sends.
    await pipeline(prepared.stream, file.createWriteStream({ resumable: true, chunkSize }));
    // The digest is known only now. Pinned to the generation just written: never label a newer overwrite.
    await this.#bounded(
      file.setMetadata(
        { metadata: { [sha256MetadataKey]: prepared.meter.sha256 } },
        { ifGenerationMatch: file.metadata.generation },
      ),
    );
  }

  async get(key: string): Promise<Readable> {
    const name = this.#keys.full(key);
    let metadata;
    try {
      [metadata] = await this.#bounded(this.#bucket.file(name).getMetadata());
    } catch (error) {
      if (isObjectNotFound(error)) throw new ObjectNotFoundError(key, this.#where, { cause: error });
      throw error;
    }
    const digest = metadata.metadata?.[sha256MetadataKey];
    const expected = typeof digest === 'string' ? digest : undefined;
    // The generation whose digest was just read, so an overwrite in between cannot pair new bytes with it.
    const generation = metadata.generation === undefined ? undefined : Number(metadata.generation);
    const stream = this.#bucket.file(name, generation === undefined ? {} : { generation }).createReadStream();
    return verifySha256(
      stream,
      expected,
      (actual) => new ChecksumMismatchError(key, expected ?? '', actual, this.#where),
    );
  }

  async getRange(key: string, offset: number, length: number): Promise<Buffer> {
    checkRange(key, offset, length);
    try {
      // `end` is inclusive.
      const stream = this.#bucket.file(this.#keys.full(key)).createReadStream({ start: offset, end: offset + length - 1 });
      return await collectBytes(stream);
    } catch (error) {
      if (isObjectNotFound(error)) throw new ObjectNotFoundError(key, this.#where, { cause: error });
      // 416: the object ends before `offset`.
      if ((error as { code?: unknown }).code === 416) return Buffer.alloc(0);
      throw error;
    }
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    try {
      const [metadata] = await this.#bounded(this.#bucket.file(this.#keys.full(key)).getMetadata());
      return { size: Number(metadata.size ?? 0) };
    } catch (error) {
      if (isObjectNotFound(error)) return undefined;
      throw error;
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    const fullPrefix = this.#keys.fullListPrefix(prefix);
    let pageToken: string | undefined;
    do {
      const [files, next] = await this.#bounded(
        this.#bucket.getFiles({ prefix: fullPrefix, maxResults: this.#pageSize, autoPaginate: false, pageToken }),
      );
      for (const file of files) yield this.#keys.relative(file.name);
      pageToken = nextPageToken(next);
    } while (pageToken);
  }

  async delete(key: string): Promise<void> {
    await this.#bounded(this.#bucket.file(this.#keys.full(key)).delete({ ignoreNotFound: true }));
  }

  /** `work`, or a `TimeoutError` once `requestTimeoutMs` has passed; unbounded without one. */
  async #bounded<T>(work: Promise<T>): Promise<T> {
    const ms = this.#requestTimeoutMs;
    if (!ms) return work;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new Error(`${this.#where} gave no answer within ${ms} ms`);
        error.name = 'TimeoutError';
        reject(error);
      }, ms);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A 404 about the object, not its bucket: GCS tells the two apart only in the message. */
function isObjectNotFound(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 404 && !/bucket does not exist/i.test(String(message));
}

function storageOptions(target: GcsTarget, options: ObjectStoreOptions): StorageOptions {
  const result: StorageOptions = {
    retryOptions: {
      autoRetry: true,
      maxRetries: (options.maxAttempts ?? defaultMaxAttempts) - 1,
      retryDelayMultiplier: 2,
      maxRetryDelay: 32,
      totalTimeout: 600,
      // Our writes replace whole objects with the same bytes, so repeating one is safe; the default retries
      // uploads only when they carry a generation precondition.
      idempotencyStrategy: IdempotencyStrategy.RetryAlways,
    },
  };
  const timeout = options.requestTimeoutMs;
  // Reaches the upload sessions' requests, which go through gaxios and honour it (the client-wide `timeout`
  // option feeds only the JSON API's requests, whose transport ignores it).
  if (timeout) result.interceptors_ = [{ request: (request) => ({ ...request, timeout }) as InterceptedRequest }];
  if (target.endpoint) {
    result.apiEndpoint = target.endpoint;
    // The library skips authentication for custom endpoints unless told; a credential means "use it".
    result.useAuthWithCustomEndpoint = target.credential !== null;
  }
  if (target.credential) {
    const credentials = serviceAccountOf(target);
    result.credentials = credentials;
    const projectId = target.credential.projectId ?? credentials.project_id;
    if (typeof projectId === 'string') result.projectId = projectId;
  }
  return result;
}

/**
 * The key file of the location's credential as the library takes it: a JSON object. Anything else (not JSON,
 * or JSON of another type such as `null` or a list) fails the job with what to do, before any request.
 */
function serviceAccountOf(target: GcsTarget): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(target.credential?.serviceAccountJson ?? '');
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new JobFailure(
      `the credential of the location gs://${target.bucket} holds no valid service-account JSON (a JSON object); ` +
        'paste the key file again',
    );
  }
  return Object.fromEntries(Object.entries(value));
}

/** The token of the next page of a listing, which the library types loosely; none when the listing is done. */
function nextPageToken(next: unknown): string | undefined {
  if (typeof next !== 'object' || next === null || !('pageToken' in next)) return undefined;
  return typeof next.pageToken === 'string' && next.pageToken !== '' ? next.pageToken : undefined;
}
