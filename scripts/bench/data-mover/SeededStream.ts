import { createCipheriv, createHash } from 'node:crypto';

/**
 * A deterministic pseudo-random byte stream: the AES-256-CTR keystream under a key derived from a seed and a
 * name. Native AES produces a corpus of gigabytes in seconds where a JavaScript PRNG would take minutes.
 */
export class SeededStream {
  private readonly cipher;

  constructor(seed: string, name: string) {
    const key = createHash('sha256').update(`${seed}\0${name}`).digest();
    this.cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  }

  /** The next `length` bytes of the stream. */
  bytes(length: number): Buffer {
    return this.cipher.update(Buffer.alloc(length));
  }

  /** The next 32-bit unsigned integer, for choices (sizes, positions). */
  uint32(): number {
    return this.bytes(4).readUInt32LE(0);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + (this.uint32() % (max - min + 1));
  }
}
