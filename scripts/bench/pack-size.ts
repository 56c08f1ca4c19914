import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { patternChunks } from '../../test/world/stores/patternChunks.ts';
import { startS3 } from '../../test/world/startS3.ts';
import { initRepository } from '../../agent/src/repository/initRepository.ts';
import type { ChunkRef, Repository } from '../../agent/src/repository/Repository.ts';
import type { ObjectStore } from '../../agent/src/storage/ObjectStore.ts';
import { openObjectStore } from '../../agent/src/storage/openObjectStore.ts';
import { MinioBucket } from './resources/MinioBucket.ts';

/**
 * Measures repository writes and reads against a local MinIO for a few candidate pack sizes, to choose
 * repository v1's (choice and reasons in schema/format/REPOSITORY.md). For each candidate: `--mib` (192) MiB
 * of incompressible data (compression off, so the time is chunking, sealing and uploading) written through
 * one writer and saved, then read back through `readContent`; best of `--runs` (2). Also the same write with
 * every pack upload dropped, to show what the pipeline (chunking, naming, sealing) alone costs on this
 * machine. Prints one JSON object.
 */

const MiB = 1024 * 1024;
const { values } = parseArgs({
  options: { mib: { type: 'string', default: '192' }, runs: { type: 'string', default: '2' } },
});
const totalMiB = Number(values.mib);
const runs = Number(values.runs);
const candidates = [4, 8, 16, 32].map((n) => n * MiB);

const logDir = mkdtempSync(join(tmpdir(), 'fleetback-pack-bench-'));
const s3 = await startS3({ logDir });
const log = (line: string) => process.stderr.write(`${line}\n`);

async function* source(seed: number): AsyncGenerator<Buffer> {
  yield* patternChunks(totalMiB * MiB, seed);
}

function bind(store: ObjectStore): ObjectStore {
  return {
    put: (key, body, options) => store.put(key, body, options),
    get: (key) => store.get(key),
    getRange: (key, offset, length) => store.getRange(key, offset, length),
    head: (key) => store.head(key),
    list: (prefix) => store.list(prefix),
    delete: (key) => store.delete(key),
    describe: () => store.describe(),
  };
}

async function drain(repository: Repository, chunks: readonly ChunkRef[]): Promise<void> {
  for await (const part of repository.readContent(chunks)) if (part.length === 0) throw new Error('empty chunk');
}

try {
  const bucket = await MinioBucket.create(s3.info, 'pack-bench');
  const results = [];
  let seed = 1;
  for (const packSize of candidates) {
    let write = Infinity;
    let read = Infinity;
    let packs = 0;
    for (let run = 0; run < runs; run++) {
      const prefix = `p${packSize}-${run}`;
      const store = openObjectStore({
        kind: 's3',
        bucket: bucket.name,
        prefix,
        region: s3.info.region,
        endpoint: s3.info.endpoint,
        forcePathStyle: true,
        credential: { accessKeyId: s3.info.accessKeyId, secretAccessKey: s3.info.secretAccessKey },
      });
      const repository = await initRepository(store, Buffer.alloc(32, 7), { compression: { kind: 'none' }, packSize });
      const writer = repository.openWriter();
      const started = performance.now();
      const chunks = await writer.writeContent(source(seed++));
      await writer.saveSnapshot(Buffer.from('bench'), { tags: {} });
      write = Math.min(write, (performance.now() - started) / 1000);
      const readStarted = performance.now();
      await drain(repository, chunks);
      read = Math.min(read, (performance.now() - readStarted) / 1000);
      packs = Object.keys(await bucket.sizesUnder(`${prefix}/repository/packs/`)).length;
      log(`pack size ${packSize / MiB} MiB, run ${run + 1}: write ${(totalMiB / write).toFixed(0)} MiB/s, read ${(totalMiB / read).toFixed(0)} MiB/s`);
    }
    results.push({ packMiB: packSize / MiB, packs, writeMiBps: +(totalMiB / write).toFixed(1), readMiBps: +(totalMiB / read).toFixed(1) });
  }
  let pipeline = Infinity;
  for (let run = 0; run < runs; run++) {
    const store = openObjectStore({ kind: 'filesystem', path: logDir, prefix: `pipeline-${run}` });
    // Packs are dropped instead of uploaded: what remains is the work before the upload.
    const dropping: ObjectStore = { ...bind(store), put: (key, body, options) => (key.includes('/packs/') ? Promise.resolve() : store.put(key, body, options)) };
    const writer = (await initRepository(dropping, Buffer.alloc(32, 7), { compression: { kind: 'none' } })).openWriter();
    const started = performance.now();
    await writer.writeContent(source(seed++));
    await writer.saveSnapshot(Buffer.from('bench'), { tags: {} });
    pipeline = Math.min(pipeline, (performance.now() - started) / 1000);
  }
  log(`pipeline alone: ${(totalMiB / pipeline).toFixed(0)} MiB/s`);
  bucket.close();
  console.log(JSON.stringify({ node: process.version, cpus: cpus().length, loadavg: loadavg().map((l) => +l.toFixed(1)), mib: totalMiB, pipelineAloneMiBps: +(totalMiB / pipeline).toFixed(1), results }, null, 2));
} finally {
  await s3.stop();
  rmSync(logDir, { recursive: true, force: true });
}
