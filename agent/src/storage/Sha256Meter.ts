import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export interface Sha256MeterOptions {
  /** Error as soon as more bytes arrive, or at the end when fewer did. */
  expectedLength?: number;
  /** Called with the hex SHA-256 at the end; an error it returns fails the stream instead of ending it. */
  check?: (sha256: string) => Error | undefined;
}

/**
 * A pass-through that hashes and counts what flows through it. Its checks fail the stream before it ends,
 * so an upload fed through it is never committed and a reader never sees a clean end of bad data.
 */
export class Sha256Meter extends Transform {
  readonly #hash = createHash('sha256');
  readonly #options: Sha256MeterOptions;
  #bytes = 0;
  #digest: string | undefined;

  constructor(options: Sha256MeterOptions = {}) {
    super();
    this.#options = options;
  }

  /** Bytes that passed so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Hex SHA-256 of everything that passed; available once the stream ended. */
  get sha256(): string {
    if (this.#digest === undefined) throw new Error('the SHA-256 is known only once the stream has ended');
    return this.#digest;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#bytes += chunk.length;
    const expected = this.#options.expectedLength;
    if (expected !== undefined && this.#bytes > expected) {
      callback(lengthError(this.#bytes, expected, 'at least'));
      return;
    }
    this.#hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const expected = this.#options.expectedLength;
    if (expected !== undefined && this.#bytes !== expected) {
      callback(lengthError(this.#bytes, expected, 'only'));
      return;
    }
    this.#digest = this.#hash.digest('hex');
    callback(this.#options.check?.(this.#digest));
  }
}

function lengthError(bytes: number, expected: number, how: string): RangeError {
  return new RangeError(`the body has ${how} ${bytes} bytes, not the ${expected} given as its content length`);
}
