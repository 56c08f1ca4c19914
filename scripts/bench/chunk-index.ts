import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ChunkTable } from '../../agent/src/repository/ChunkTable.ts';

/**
 * Memory and speed of the in-memory chunk index (numbers in schema/format/REPOSITORY.md): `--chunks`
 * (1,000,000: about 1 TiB of 1 MiB chunks) random ids added to a `ChunkTable` over 1,000 packs, then sorted
 * into a `ChunkIndex`; memory measured after a forced GC (run with `node --expose-gc`, e.g.
 * `npx tsx --expose-gc scripts/bench/chunk-index.ts`). Prints one JSON object.
 */
const { values } = parseArgs({ options: { chunks: { type: 'string', default: '1000000' } } });
const count = Number(values.chunks);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const MiB = 1024 * 1024;
const used = () => {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

const ids = randomBytes(count * 32);
const packs = Array.from({ length: 1000 }, () => randomBytes(16).toString('hex'));
const baseline = used();
let started = performance.now();
const table = new ChunkTable();
for (let i = 0; i < count; i++) {
  table.add(ids.subarray(i * 32, (i + 1) * 32), { pack: packs[i % 1000]!, offset: i, length: 1_000_000, plainLength: 1_048_576 });
}
const addSeconds = (performance.now() - started) / 1000;
const tableBytes = used() - baseline;
started = performance.now();
const index = table.toIndex();
const sortSeconds = (performance.now() - started) / 1000;
const bothBytes = used() - baseline;
started = performance.now();
for (let i = 0; i < count; i++) if (!index.locate(ids.subarray(i * 32, (i + 1) * 32))) throw new Error('lost a chunk');
const lookupSeconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    node: process.version,
    chunks: count,
    tableMiB: +(tableBytes / MiB).toFixed(1),
    indexMiB: +((bothBytes - tableBytes) / MiB).toFixed(1),
    bytesPerChunkInIndex: +((bothBytes - tableBytes) / count).toFixed(1),
    addSeconds: +addSeconds.toFixed(2),
    sortSeconds: +sortSeconds.toFixed(2),
    lookupsPerSecond: Math.round(count / lookupSeconds),
  }),
);
