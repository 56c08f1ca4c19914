import { chunkIdLength, type ChunkLocation, type ChunkLocator } from './ChunkLocation.ts';

/** The columns of a set of chunk locations: entry `i` is the id at `ids[32 i …]` and the `i`-th of each array. */
export interface ChunkColumns {
  readonly ids: Buffer;
  readonly pack: Uint32Array;
  readonly offset: Uint32Array;
  readonly length: Uint32Array;
  readonly plainLength: Uint32Array;
  /** Pack ids by the numbers `pack` holds. */
  readonly packs: readonly string[];
  readonly count: number;
}

/**
 * An immutable chunk index in bounded memory: ids in one sorted buffer (32 bytes each) and the locations in
 * typed arrays beside it, found by binary search. About 48 bytes per chunk and no JavaScript object per chunk,
 * so the index of a 100 GiB volume (about 85,000 chunks) takes about 4 MiB.
 */
export class ChunkIndex implements ChunkLocator {
  private constructor(private readonly columns: ChunkColumns) {}

  /** Sorts `columns` by id; of equal ids (one chunk stored twice by racing writers) any one is kept. */
  static sorted(columns: ChunkColumns): ChunkIndex {
    const { ids, count } = columns;
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    order.sort((a, b) => ids.compare(ids, b * chunkIdLength, (b + 1) * chunkIdLength, a * chunkIdLength, (a + 1) * chunkIdLength));
    const sortedIds = Buffer.alloc(count * chunkIdLength);
    const pick = (from: Uint32Array) => order.map((i) => from[i]!);
    for (let i = 0; i < count; i++) ids.copy(sortedIds, i * chunkIdLength, order[i]! * chunkIdLength, (order[i]! + 1) * chunkIdLength);
    return new ChunkIndex({
      ids: sortedIds,
      pack: pick(columns.pack),
      offset: pick(columns.offset),
      length: pick(columns.length),
      plainLength: pick(columns.plainLength),
      packs: columns.packs,
      count,
    });
  }

  get count(): number {
    return this.columns.count;
  }

  locate(id: Buffer): ChunkLocation | undefined {
    const { ids, count } = this.columns;
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = id.compare(ids, middle * chunkIdLength, (middle + 1) * chunkIdLength);
      if (order === 0) return this.at(middle);
      if (order > 0) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  /** Every entry, for checks: the id (a copy) and its location. */
  *entries(): Generator<{ id: Buffer; location: ChunkLocation }> {
    for (let i = 0; i < this.columns.count; i++) {
      yield { id: Buffer.from(this.columns.ids.subarray(i * chunkIdLength, (i + 1) * chunkIdLength)), location: this.at(i) };
    }
  }

  private at(i: number): ChunkLocation {
    const { pack, offset, length, plainLength, packs } = this.columns;
    return { pack: packs[pack[i]!]!, offset: offset[i]!, length: length[i]!, plainLength: plainLength[i]! };
  }
}
