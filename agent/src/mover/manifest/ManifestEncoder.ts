import { once } from 'node:events';
import { constants, createZstdCompress, type ZstdCompress } from 'node:zlib';
import { ByteWriter } from './ByteWriter.ts';
import { encodeEntry } from './encodeEntry.ts';
import type { ManifestEntry } from './ManifestEntry.ts';
import { manifestMagic, manifestVersion, recordTypes } from './manifestFormat.ts';

const flushAt = 256 * 1024;

/**
 * Builds a snapshot manifest entry by entry, in walk order: records go through a zstd stream as they come,
 * so memory holds the compressed manifest and at most about 256 KiB of records, never the entries.
 */
export class ManifestEncoder {
  private readonly writer = new ByteWriter();
  private readonly compressor: ZstdCompress;
  private readonly output: Buffer[] = [];
  private previousPath: Buffer = Buffer.alloc(0);
  private entries = 0;

  constructor(level = 3) {
    this.compressor = createZstdCompress({ params: { [constants.ZSTD_c_compressionLevel]: level } });
    this.compressor.on('data', (piece: Buffer) => this.output.push(piece));
  }

  get count(): number {
    return this.entries;
  }

  async add(entry: ManifestEntry): Promise<void> {
    encodeEntry(this.writer, entry, this.previousPath);
    this.previousPath = entry.path;
    this.entries++;
    if (this.writer.size >= flushAt) await this.flush();
  }

  /** The manifest's bytes: magic, version, then one zstd frame of the records and the end record. */
  async finish(): Promise<Buffer> {
    this.writer.byte(recordTypes.end);
    this.writer.uint(this.entries);
    await this.flush();
    const ended = once(this.compressor, 'end');
    this.compressor.end();
    await ended;
    return Buffer.concat([manifestMagic, Buffer.of(manifestVersion), ...this.output]);
  }

  private async flush(): Promise<void> {
    if (!this.compressor.write(this.writer.take())) await once(this.compressor, 'drain');
  }
}
