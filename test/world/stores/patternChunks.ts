const chunkSize = 1024 * 1024;

/**
 * Yields `size` pseudo-random bytes in 1 MiB chunks, the same for the same `seed`. Every chunk differs,
 * so a store that drops, repeats or reorders parts of a multipart upload changes the content's digest.
 * Cheaper than `crypto.randomBytes` and reproducible, so a second pass gives the expected digest.
 */
export function* patternChunks(size: number, seed: number): Generator<Buffer> {
  // xorshift32: its state must never be 0.
  let state = seed >>> 0 || 0x9e3779b9;
  for (let offset = 0; offset < size; offset += chunkSize) {
    const length = Math.min(chunkSize, size - offset);
    const words = new Uint32Array(Math.ceil(length / 4));
    for (let i = 0; i < words.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      words[i] = state;
    }
    yield Buffer.from(words.buffer, 0, length);
  }
}
