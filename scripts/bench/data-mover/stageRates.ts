import { performance } from 'node:perf_hooks';
import { Chunker } from '../../../agent/src/repository/Chunker.ts';
import { repositoryChunkSizes } from '../../../agent/src/repository/ChunkSizes.ts';
import { encodeChunk } from '../../../agent/src/repository/encodeChunk.ts';
import { defaultCompression } from '../../../agent/src/repository/RepositoryConfig.ts';
import { RepositoryKeys } from '../../../agent/src/repository/RepositoryKeys.ts';
import { sealObject } from '../../../agent/src/repository/sealObject.ts';
import { round } from './measureRun.ts';
import { SeededStream } from './SeededStream.ts';
import { TextSource } from './TextSource.ts';

const MiB = 1024 ** 2;

/**
 * The mover's per-byte stages, each alone on one core (the mover runs them all on its main thread): content-
 * defined chunking, the chunk id (HMAC-SHA-256), zstd at the default level and AES-256-GCM sealing, in MiB/s
 * over `mib` MiB of the corpus's kinds of data. Their harmonic sum bounds a single-threaded backup.
 */
export function stageRates(seed: string, mib: number) {
  const rates: Record<string, Record<string, number>> = {};
  const keys = new RepositoryKeys(RepositoryKeys.createMasterKey());
  const data = { text: new TextSource(seed, 'stage-text').bytes(mib * MiB), random: new SeededStream(seed, 'stage-random').bytes(mib * MiB) };
  // The first pass warms the JIT up; the second is the one reported.
  for (const [kind, bytes] of [...Object.entries(data), ...Object.entries(data)]) {
    const chunker = new Chunker(repositoryChunkSizes);
    const chunks: Buffer[] = [];
    const rate = (work: () => void) => {
      const start = performance.now();
      work();
      return round(mib / ((performance.now() - start) / 1000));
    };
    const chunking = rate(() => {
      for (let at = 0; at < bytes.length; at += MiB) chunks.push(...chunker.push(bytes.subarray(at, at + MiB)));
      const last = chunker.finish();
      if (last) chunks.push(last);
    });
    const chunkId = rate(() => chunks.forEach((chunk) => keys.chunkId(chunk)));
    const encoded: Buffer[] = [];
    const zstd = rate(() => chunks.forEach((chunk) => encoded.push(encodeChunk(chunk, defaultCompression))));
    const seal = rate(() => encoded.forEach((chunk) => sealObject(keys, 'pack', chunk)));
    const all = round(1 / (1 / chunking + 1 / chunkId + 1 / zstd + 1 / seal));
    rates[kind] = { chunking, chunkId, zstd, seal, allStagesOnOneCore: all };
  }
  return rates;
}
