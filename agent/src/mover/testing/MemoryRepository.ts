import { createHash, randomUUID } from 'node:crypto';
import { CorruptObjectError } from '../../repository/CorruptObjectError.ts';
import type { ChunkRef, ContentWriter, SnapshotInfo, WriteStats } from '../../repository/Repository.ts';
import type { MoverRepository } from '../MoverRepository.ts';

const chunkSize = 64 * 1024;

/**
 * A repository held in memory, for unit tests of what sits on top of the interface: fixed 64 KiB chunks
 * named by SHA-256, snapshots in a list. `damage` makes a chunk fail as a damaged pack would; `failSaves`
 * makes saving a snapshot fail as a lost location would, and `closedWriters` counts the writers closed.
 */
export class MemoryRepository implements MoverRepository {
  readonly chunks = new Map<string, Buffer>();
  private readonly damaged = new Set<string>();
  private readonly snapshots: { info: SnapshotInfo; manifest: Buffer }[] = [];
  private clock = Date.UTC(2026, 0, 1);
  failSaves: Error | undefined;
  closedWriters = 0;

  openWriter(): ContentWriter & { close(): Promise<void> } {
    const stats = { bytesRead: 0, chunks: 0, newChunks: 0, newBytes: 0, storedBytes: 0 };
    const store = (chunk: Buffer): ChunkRef => {
      const id = createHash('sha256').update(chunk).digest();
      stats.chunks++;
      if (!this.chunks.has(id.toString('hex'))) {
        this.chunks.set(id.toString('hex'), chunk);
        stats.newChunks++;
        stats.newBytes += chunk.length;
        stats.storedBytes += chunk.length;
      }
      return { id, length: chunk.length };
    };
    return {
      writeContent: async (source: AsyncIterable<Uint8Array>) => {
        const refs: ChunkRef[] = [];
        let pending = Buffer.alloc(0);
        for await (const piece of source) {
          stats.bytesRead += piece.length;
          pending = Buffer.concat([pending, piece]);
          while (pending.length >= chunkSize) {
            refs.push(store(Buffer.from(pending.subarray(0, chunkSize))));
            pending = pending.subarray(chunkSize);
          }
        }
        if (pending.length > 0) refs.push(store(Buffer.from(pending)));
        return refs;
      },
      saveSnapshot: async (manifest: Uint8Array, info: Omit<SnapshotInfo, 'id' | 'time'>) => {
        if (this.failSaves) throw this.failSaves;
        this.clock += 1000;
        const saved: SnapshotInfo = { ...info, id: randomUUID(), time: new Date(this.clock) };
        this.snapshots.push({ info: saved, manifest: Buffer.from(manifest) });
        return saved;
      },
      stats: (): WriteStats => ({ ...stats }),
      close: async () => {
        this.closedWriters++;
      },
    };
  }

  async *readContent(chunks: readonly ChunkRef[]): AsyncIterable<Buffer> {
    for (const { id, length } of chunks) {
      const key = id.toString('hex');
      const chunk = this.chunks.get(key);
      if (!chunk || this.damaged.has(key) || chunk.length !== length) {
        throw new CorruptObjectError(`chunk ${key.slice(0, 16)}`, 'its pack failed authentication');
      }
      yield chunk;
    }
  }

  async listSnapshots(): Promise<SnapshotInfo[]> {
    return this.snapshots.map((snapshot) => snapshot.info);
  }

  async readSnapshot(id: string): Promise<{ info: SnapshotInfo; manifest: Buffer }> {
    const found = this.snapshots.find((snapshot) => snapshot.info.id === id);
    if (!found) throw new Error(`no snapshot ${id}`);
    return found;
  }

  /** Makes the chunks of a file holding `content` (and no zero blocks) fail to read from now on. */
  damage(content: Buffer): void {
    for (let at = 0; at < content.length; at += chunkSize) {
      this.damaged.add(createHash('sha256').update(content.subarray(at, at + chunkSize)).digest('hex'));
    }
  }
}
