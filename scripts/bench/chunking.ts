import { randomFillSync } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Chunker } from '../../agent/src/repository/Chunker.ts';
import type { ChunkSizes } from '../../agent/src/repository/ChunkSizes.ts';
import { RepositoryKeys } from '../../agent/src/repository/RepositoryKeys.ts';

/**
 * Measures the content-defined chunker for a few candidate sizes, to choose repository v1's (the choice and
 * reasons are in schema/format/REPOSITORY.md). For each candidate, on random data (the chunker's worst case:
 * every byte hashed, no help from repetition): chunking throughput alone and with HMAC chunk ids (best of three runs), over
 * `--throughput-mib` (256) MiB fed in 1 MiB pieces; then the share of a `--file-mib` (64) MiB file's bytes
 * already stored after 100 bytes are inserted 1 MiB in. Prints one JSON object on stdout.
 */

const MiB = 1024 * 1024;
const KiB = 1024;

const { values } = parseArgs({
  options: { 'throughput-mib': { type: 'string', default: '256' }, 'file-mib': { type: 'string', default: '64' } },
});
const throughputMiB = Number(values['throughput-mib']);
const fileMiB = Number(values['file-mib']);

const candidates: ChunkSizes[] = [
  { min: 256 * KiB, avg: 512 * KiB, max: 4 * MiB },
  { min: 512 * KiB, avg: 1 * MiB, max: 8 * MiB },
  { min: 1 * MiB, avg: 2 * MiB, max: 16 * MiB },
];

const pieces = Array.from({ length: Math.max(throughputMiB, fileMiB) }, () => randomFillSync(Buffer.allocUnsafe(MiB)));
const keys = new RepositoryKeys(RepositoryKeys.createMasterKey());

function cut(sizes: ChunkSizes, input: Iterable<Buffer>, onChunk: (chunk: Buffer) => void): void {
  const chunker = new Chunker(sizes);
  for (const piece of input) for (const chunk of chunker.push(piece)) onChunk(chunk);
  const last = chunker.finish();
  if (last) onChunk(last);
}

function throughput(sizes: ChunkSizes, withIds: boolean): { mibPerSecond: number; chunks: number } {
  let chunks = 0;
  const started = performance.now();
  cut(sizes, pieces.slice(0, throughputMiB), (chunk) => {
    chunks++;
    if (withIds) keys.chunkId(chunk);
  });
  const seconds = (performance.now() - started) / 1000;
  return { mibPerSecond: round(throughputMiB / seconds), chunks };
}

function insertDedup(sizes: ChunkSizes): { chunks: number; newChunks: number; newBytes: number; dedupRatio: number } {
  const original = Buffer.concat(pieces.slice(0, fileMiB));
  const at = MiB + 12_345;
  const edited = Buffer.concat([original.subarray(0, at), randomFillSync(Buffer.alloc(100)), original.subarray(at)]);
  const stored = new Set<string>();
  cut(sizes, [original], (chunk) => stored.add(keys.chunkId(chunk).toString('hex')));
  let chunks = 0;
  let newChunks = 0;
  let newBytes = 0;
  cut(sizes, [edited], (chunk) => {
    chunks++;
    if (!stored.has(keys.chunkId(chunk).toString('hex'))) {
      newChunks++;
      newBytes += chunk.length;
    }
  });
  return { chunks, newChunks, newBytes, dedupRatio: round(1 - newBytes / edited.length, 4) };
}

/** The fastest of `runs` runs: on a shared machine the slower ones measure the neighbours, not the code. */
function bestOf(runs: number, run: () => { mibPerSecond: number; chunks: number }): { mibPerSecond: number; chunks: number } {
  const all = Array.from({ length: runs }, run);
  return all.reduce((best, next) => (next.mibPerSecond > best.mibPerSecond ? next : best));
}

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

const results = candidates.map((sizes) => {
  const chunking = bestOf(3, () => throughput(sizes, false));
  const chunkingAndIds = bestOf(3, () => throughput(sizes, true));
  return {
    sizes: { minKiB: sizes.min / KiB, avgKiB: sizes.avg / KiB, maxKiB: sizes.max / KiB },
    meanChunkKiB: round((throughputMiB * KiB) / chunking.chunks),
    chunkingMiBPerSecond: chunking.mibPerSecond,
    chunkingAndIdsMiBPerSecond: chunkingAndIds.mibPerSecond,
    afterInsert: insertDedup(sizes),
  };
});

console.log(
  JSON.stringify(
    { node: process.version, cpu: cpus()[0]?.model, throughputMiB, fileMiB, insert: '100 bytes at 1 MiB + 12345', results },
    null,
    2,
  ),
);
