import { Writable } from 'node:stream';

/** What one stream of a command printed: its last bytes as text, and how many bytes came before them. */
export interface CapturedOutput {
  text: string;
  /** Bytes dropped from the start to keep within the limit; 0 when `text` is all there was. */
  droppedBytes: number;
}

/** How much of each stream of each action is kept: enough for any diagnostic, bounded for a chatty command. */
export const outputTailBytes = 64 * 1024;

/**
 * A sink for a command's stdout or stderr that keeps only the last `limit` bytes, so a command that prints
 * without end (a background action can run for hours) holds a bounded amount of memory.
 */
export class OutputTail extends Writable {
  #chunks: Buffer[] = [];
  #kept = 0;
  #dropped = 0;

  constructor(private readonly limit = outputTailBytes) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.#chunks.push(chunk);
    this.#kept += chunk.length;
    while (this.#kept > this.limit) {
      const first = this.#chunks[0] as Buffer;
      const excess = this.#kept - this.limit;
      if (first.length <= excess) {
        this.#chunks.shift();
        this.#kept -= first.length;
        this.#dropped += first.length;
      } else {
        this.#chunks[0] = first.subarray(excess);
        this.#kept -= excess;
        this.#dropped += excess;
      }
    }
    done();
  }

  /** What was captured so far. A character cut in two at the start of the kept bytes is left out. */
  captured(): CapturedOutput {
    let bytes = Buffer.concat(this.#chunks);
    if (this.#dropped > 0) {
      // Skip UTF-8 continuation bytes (10xxxxxx) left over from a character whose start was dropped.
      let start = 0;
      while (start < bytes.length && start < 3 && ((bytes[start] as number) & 0xc0) === 0x80) start++;
      bytes = bytes.subarray(start);
      return { text: bytes.toString('utf8'), droppedBytes: this.#dropped + start };
    }
    return { text: bytes.toString('utf8'), droppedBytes: 0 };
  }
}
