import { encodePackHeader, type PackEntry } from './packHeader.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { newObjectId } from './repositoryLayout.ts';
import { sealObject } from './sealObject.ts';

/**
 * One pack while a writer fills it: sealed chunks one after another, then, when finished, the sealed pack
 * header listing them and the header's length in the last four bytes. Each chunk is sealed on its own, so
 * a reader fetches and authenticates one chunk with one ranged read.
 */
export class PackBuilder {
  /** 32 random hex digits: unique across writers and processes without coordination. */
  readonly id = newObjectId();
  readonly #pieces: Buffer[] = [];
  readonly #entries: PackEntry[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  get empty(): boolean {
    return this.#entries.length === 0;
  }

  /** Appends a sealed chunk and returns its offset in the pack. */
  add(id: Buffer, sealed: Buffer, plainLength: number): number {
    const offset = this.#size;
    this.#pieces.push(sealed);
    this.#entries.push({ id, offset, length: sealed.length, plainLength });
    this.#size += sealed.length;
    return offset;
  }

  /** The pack's bytes: the chunks, the sealed header, and the header's length (u32, little-endian). */
  finish(keys: RepositoryKeys): Buffer {
    const header = sealObject(keys, 'packHeader', encodePackHeader(this.#entries));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    return Buffer.concat([...this.#pieces, header, length]);
  }
}
