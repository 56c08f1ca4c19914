import { ChunkIndex, type ChunkColumns } from './ChunkIndex.ts';
import { chunkIdLength, type ChunkLocation, type ChunkLocator } from './ChunkLocation.ts';

const emptySlot = -1;

/**
 * A growable chunk index: entries appended in typed arrays, found through an open-addressing hash table of
 * entry numbers keyed by each id's first four bytes (ids are HMAC outputs, so those are uniform). Collects
 * index objects while a repository opens, and a writer's new chunks while it writes; no object per chunk.
 */
export class ChunkTable implements ChunkLocator {
  #ids = Buffer.alloc(0);
  #pack = new Uint32Array(0);
  #offset = new Uint32Array(0);
  #length = new Uint32Array(0);
  #plainLength = new Uint32Array(0);
  #slots = new Int32Array(16).fill(emptySlot);
  #count = 0;
  readonly #packs: string[] = [];
  readonly #packNumbers = new Map<string, number>();

  get count(): number {
    return this.#count;
  }

  /** Adds a chunk's location; returns false, changing nothing, when the id is already present. */
  add(id: Buffer, location: ChunkLocation): boolean {
    if (this.#find(id) !== emptySlot) return false;
    if (this.#count === this.#pack.length) this.#grow();
    const entry = this.#count++;
    id.copy(this.#ids, entry * chunkIdLength);
    this.#pack[entry] = this.#packNumber(location.pack);
    this.#offset[entry] = location.offset;
    this.#length[entry] = location.length;
    this.#plainLength[entry] = location.plainLength;
    if (this.#count * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#insert(entry);
    return true;
  }

  has(id: Buffer): boolean {
    return this.#find(id) !== emptySlot;
  }

  locate(id: Buffer): ChunkLocation | undefined {
    const entry = this.#find(id);
    return entry === emptySlot ? undefined : this.at(entry);
  }

  at(entry: number): ChunkLocation {
    return {
      pack: this.#packs[this.#pack[entry]!]!,
      offset: this.#offset[entry]!,
      length: this.#length[entry]!,
      plainLength: this.#plainLength[entry]!,
    };
  }

  /** The id of entry `entry` (a view: copy it to keep it past further adds). */
  idAt(entry: number): Buffer {
    return this.#ids.subarray(entry * chunkIdLength, (entry + 1) * chunkIdLength);
  }

  /** Entries `from` to `to` (exclusive) as columns with their own pack table, for an index object. */
  columns(from = 0, to = this.#count): ChunkColumns {
    const packs: string[] = [];
    const numbers = new Map<number, number>();
    const pack = new Uint32Array(to - from);
    for (let i = from; i < to; i++) {
      const own = this.#pack[i]!;
      let number = numbers.get(own);
      if (number === undefined) {
        number = packs.push(this.#packs[own]!) - 1;
        numbers.set(own, number);
      }
      pack[i - from] = number;
    }
    return {
      ids: Buffer.from(this.#ids.subarray(from * chunkIdLength, to * chunkIdLength)),
      pack,
      offset: this.#offset.slice(from, to),
      length: this.#length.slice(from, to),
      plainLength: this.#plainLength.slice(from, to),
      packs,
      count: to - from,
    };
  }

  /** The entries as an immutable sorted index (a copy: this table may keep growing). */
  toIndex(): ChunkIndex {
    return ChunkIndex.sorted(this.columns());
  }

  #packNumber(pack: string): number {
    let number = this.#packNumbers.get(pack);
    if (number === undefined) {
      number = this.#packs.push(pack) - 1;
      this.#packNumbers.set(pack, number);
    }
    return number;
  }

  /** The entry holding `id`, or `emptySlot`. */
  #find(id: Buffer): number {
    const mask = this.#slots.length - 1;
    for (let slot = id.readUInt32LE(0) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!;
      if (entry === emptySlot) return emptySlot;
      if (id.compare(this.#ids, entry * chunkIdLength, (entry + 1) * chunkIdLength) === 0) return entry;
    }
  }

  #insert(entry: number): void {
    const mask = this.#slots.length - 1;
    let slot = this.#ids.readUInt32LE(entry * chunkIdLength) & mask;
    while (this.#slots[slot] !== emptySlot) slot = (slot + 1) & mask;
    this.#slots[slot] = entry;
  }

  #rehash(size: number): void {
    this.#slots = new Int32Array(size).fill(emptySlot);
    for (let entry = 0; entry < this.#count; entry++) this.#insert(entry);
  }

  #grow(): void {
    const capacity = Math.max(64, this.#pack.length * 2);
    const ids = Buffer.alloc(capacity * chunkIdLength);
    this.#ids.copy(ids);
    this.#ids = ids;
    const grow = (from: Uint32Array) => {
      const to = new Uint32Array(capacity);
      to.set(from);
      return to;
    };
    this.#pack = grow(this.#pack);
    this.#offset = grow(this.#offset);
    this.#length = grow(this.#length);
    this.#plainLength = grow(this.#plainLength);
  }
}
