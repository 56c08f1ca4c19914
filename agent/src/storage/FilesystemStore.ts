import { randomUUID } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LocationTarget } from '#schema/agent/JobPayload';
import { ChecksumMismatchError } from './ChecksumMismatchError.ts';
import { checkRange } from './checkRange.ts';
import { KeyPrefix } from './KeyPrefix.ts';
import { ObjectNotFoundError } from './ObjectNotFoundError.ts';
import type { ObjectHead, ObjectStore, PutOptions } from './ObjectStore.ts';
import { Sha256Meter } from './Sha256Meter.ts';
import { verifySha256 } from './verifySha256.ts';

export type FilesystemTarget = Extract<LocationTarget, { kind: 'filesystem' }>;

/**
 * Beside each object `<file>` lies `<file>.fleetback-sha256`, in `sha256sum` format so `sha256sum -c` checks
 * it. Partial writes are `<file>.fleetback-partial-<uuid>`. Keys may not end in either, and listing skips them.
 */
const digestSuffix = '.fleetback-sha256';
const partialMarker = '.fleetback-partial-';

/**
 * A directory (typically a mounted volume) as an `ObjectStore`: an object is a file at its key's path under
 * `path/prefix`. Writes go to a temporary file that is flushed to disk and renamed into place, so a reader
 * sees the old or the new content, never a mix. The base `path` must exist: a volume that is not mounted
 * must fail the write, not fill the container's own disk.
 */
export class FilesystemStore implements ObjectStore {
  readonly #base: string;
  readonly #keys: KeyPrefix;
  readonly #root: string;
  #baseChecked: Promise<void> | undefined;

  constructor(target: FilesystemTarget) {
    this.#base = resolve(target.path);
    this.#keys = new KeyPrefix(target.prefix);
    this.#root = resolve(this.#base, this.#keys.path);
  }

  describe(): string {
    return this.#root;
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<void> {
    const file = this.#file(key);
    await this.#checkBase();
    const partial = `${file}${partialMarker}${randomUUID()}`;
    const handle = await openNew(partial);
    try {
      const meter = new Sha256Meter({ expectedLength: options.contentLength });
      // flush: fsync before close, so the rename below never publishes a file whose data is still in cache.
      const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
      await pipeline(source, meter, handle.createWriteStream({ flush: true }));
      // Digest gone first, then data, then the new digest: a reader in between sees an unverified object at
      // worst, never new bytes judged against the old digest.
      await rm(`${file}${digestSuffix}`, { force: true });
      await rename(partial, file);
      await writeAtomically(`${file}${digestSuffix}`, `${meter.sha256}  ${basename(file)}\n`);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.#file(key);
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw Object.assign(new Error(`${file} is not a file`), { code: 'EISDIR' });
      }
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key, this.#root, { cause: error });
      throw error;
    }
    let expected: string | undefined;
    try {
      expected = await readDigest(`${file}${digestSuffix}`);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return verifySha256(
      handle.createReadStream(),
      expected,
      (actual) => new ChecksumMismatchError(key, expected ?? '', actual, this.#root),
    );
  }

  async getRange(key: string, offset: number, length: number): Promise<Buffer> {
    checkRange(key, offset, length);
    let handle: FileHandle;
    try {
      handle = await open(this.#file(key), 'r');
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key, this.#root, { cause: error });
      throw error;
    }
    try {
      const buffer = Buffer.alloc(length);
      let filled = 0;
      // A read may return fewer bytes than asked before the end of the file.
      while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    try {
      const info = await stat(this.#file(key));
      return info.isFile() ? { size: info.size } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    const full = this.#keys.fullListPrefix(prefix);
    const slash = full.lastIndexOf('/');
    yield* this.#walk(slash >= 0 ? full.slice(0, slash) : '', full.slice(slash + 1));
  }

  async delete(key: string): Promise<void> {
    const file = this.#file(key);
    await rm(file, { force: true });
    await rm(`${file}${digestSuffix}`, { force: true });
    // Object stores have no directories; empty ones left by deleted objects would only slow listing down.
    for (let dir = dirname(file); dir.startsWith(`${this.#root}/`); dir = dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        break; // not empty, or gone already
      }
    }
  }

  #file(key: string): string {
    const segments = this.#keys.full(key).split('/');
    if (segments.some(isReserved)) {
      throw new RangeError(`no segment of object key '${key}' may end in ${digestSuffix} or contain ${partialMarker}`);
    }
    return join(this.#base, ...segments);
  }

  /** Files under the directory `dirKey` (a full name) whose names start with `partial`, in byte order of key. */
  async *#walk(dirKey: string, partial: string): AsyncGenerator<string> {
    let entries;
    try {
      entries = await readdir(join(this.#base, ...dirKey.split('/')), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    const named = entries
      .filter((e) => e.name.startsWith(partial) && !isReserved(e.name) && (e.isFile() || e.isDirectory()))
      // A directory sorts as its name plus '/', where its files' keys continue: `a-b` < `a/x` < `a0`.
      .map((e) => ({ entry: e, sortKey: Buffer.from(e.isDirectory() ? `${e.name}/` : e.name) }))
      .sort((x, y) => Buffer.compare(x.sortKey, y.sortKey));
    for (const { entry } of named) {
      const key = dirKey ? `${dirKey}/${entry.name}` : entry.name;
      if (entry.isDirectory()) yield* this.#walk(key, '');
      else yield this.#keys.relative(key);
    }
  }

  #checkBase(): Promise<void> {
    this.#baseChecked ??= stat(this.#base).then(
      (info) => {
        if (!info.isDirectory()) throw Object.assign(new Error(`${this.#base} is not a directory`), { code: 'ENOTDIR' });
      },
      (error: unknown) => {
        this.#baseChecked = undefined;
        throw error;
      },
    );
    return this.#baseChecked;
  }
}

/** Creates the file exclusively, making its directory; retried when a concurrent delete prunes that directory. */
async function openNew(path: string): Promise<FileHandle> {
  for (let attempt = 1; ; attempt++) {
    await mkdir(dirname(path), { recursive: true });
    try {
      return await open(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 3) throw error;
    }
  }
}

async function writeAtomically(path: string, content: string): Promise<void> {
  const partial = `${path}${partialMarker}${randomUUID()}`;
  try {
    await writeFile(partial, content, { flag: 'wx', flush: true });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** The digest recorded beside an object, or `undefined` when there is none (the object is read unverified). */
async function readDigest(path: string): Promise<string | undefined> {
  try {
    return /^[0-9a-f]{64}/i.exec(await readFile(path, 'utf8'))?.[0];
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** A name the store uses for itself: a digest companion or a partial write. */
function isReserved(name: string): boolean {
  return name.endsWith(digestSuffix) || name.includes(partialMarker);
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
