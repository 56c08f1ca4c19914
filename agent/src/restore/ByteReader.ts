/**
 * Reads exact byte counts from a stream of chunks of any size, for parsers of block formats such as tar. It
 * pulls a chunk only when a read needs more bytes than it holds, so it keeps at most one read's bytes plus
 * one chunk, and the source's back-pressure reaches whoever produces the chunks.
 */
export class ByteReader {
  readonly #source: AsyncIterator<Uint8Array>;
  #chunks: Buffer[] = [];
  #held = 0;
  #ended = false;
  #offset = 0;

  constructor(chunks: AsyncIterable<Uint8Array>) {
    this.#source = chunks[Symbol.asyncIterator]();
  }

  /** Bytes read or skipped so far: the source offset the next read starts at. */
  get offset(): number {
    return this.#offset;
  }

  /** The next `count` bytes, or undefined when the source ends before them (the bytes it had are consumed). */
  async read(count: number): Promise<Buffer | undefined> {
    while (this.#held < count) {
      if (!(await this.#pull())) {
        this.#consume(this.#held);
        return undefined;
      }
    }
    return this.#consume(count);
  }

  /** Skips `count` bytes without holding them; false when the source ends first. */
  async skip(count: number): Promise<boolean> {
    let left = count;
    for (;;) {
      const here = Math.min(left, this.#held);
      this.#consume(here);
      left -= here;
      if (left === 0) return true;
      if (!(await this.#pull())) return false;
    }
  }

  /** Reads the source to its end, dropping what it yields. */
  async drain(): Promise<void> {
    this.#consume(this.#held);
    while (await this.#pull()) this.#consume(this.#held);
  }

  /** Lets go of the source early (an iterator's `return`: a stream is destroyed); harmless once it ended. */
  async close(): Promise<void> {
    this.#chunks = [];
    this.#held = 0;
    if (!this.#ended) {
      this.#ended = true;
      await this.#source.return?.();
    }
  }

  /** Appends the source's next non-empty chunk; false at its end. */
  async #pull(): Promise<boolean> {
    while (!this.#ended) {
      const next = await this.#source.next();
      if (next.done) {
        this.#ended = true;
        break;
      }
      if (next.value.length === 0) continue;
      const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      this.#chunks.push(chunk);
      this.#held += chunk.length;
      return true;
    }
    return false;
  }

  /** Takes `count` held bytes off the front. */
  #consume(count: number): Buffer {
    this.#offset += count;
    this.#held -= count;
    const first = this.#chunks[0];
    if (first !== undefined && first.length >= count) {
      // The common case (a header inside one chunk) takes a view, no copy.
      const taken = first.subarray(0, count);
      if (first.length === count) this.#chunks.shift();
      else this.#chunks[0] = first.subarray(count);
      return taken;
    }
    const parts: Buffer[] = [];
    let left = count;
    while (left > 0) {
      const chunk = this.#chunks[0] as Buffer;
      if (chunk.length <= left) {
        parts.push(chunk);
        this.#chunks.shift();
        left -= chunk.length;
      } else {
        parts.push(chunk.subarray(0, left));
        this.#chunks[0] = chunk.subarray(left);
        left = 0;
      }
    }
    return Buffer.concat(parts, count);
  }
}
