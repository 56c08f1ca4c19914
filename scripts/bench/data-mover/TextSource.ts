import { SeededStream } from './SeededStream.ts';

const vocabularySize = 4096;

/**
 * Compressible text: words drawn from a fixed pseudo-word vocabulary by the seeded stream, so it compresses
 * like prose or logs (about 3:1 with zstd) yet never repeats a whole chunk, which would measure dedup instead.
 */
export class TextSource {
  private readonly words: Buffer[];
  private readonly stream: SeededStream;

  constructor(seed: string, name: string) {
    const vocabulary = new SeededStream(seed, 'vocabulary');
    this.words = Array.from({ length: vocabularySize }, () => {
      const letters = vocabulary.bytes(vocabulary.between(2, 10));
      for (let i = 0; i < letters.length; i++) letters[i] = 97 + ((letters[i] as number) % 26);
      return letters;
    });
    this.stream = new SeededStream(seed, name);
  }

  /** The next `length` bytes of text: words separated by spaces, a line break every dozen words or so. */
  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    // Each word takes two picks and at least three bytes of output, so the picks never run out.
    const picks = this.stream.bytes(length + 3);
    let at = 0;
    let pick = 0;
    while (at < length) {
      const index = (((picks[pick] as number) << 4) | ((picks[pick + 1] as number) & 15)) % vocabularySize;
      pick += 2;
      const word = this.words[index] as Buffer;
      at += word.copy(out, at);
      if (at < length) out[at++] = (picks[pick] as number) < 20 ? 10 : 32;
    }
    return out;
  }
}
