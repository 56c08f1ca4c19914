import { openRepository } from '../../agent/src/repository/openRepository.ts';
import { openObjectStore } from '../../agent/src/storage/openObjectStore.ts';
import { patternChunks } from '../world/stores/patternChunks.ts';

/**
 * A repository writer in a process of its own, for tests of many processes and of `kill -9`. Writes
 * `FLEETBACK_TEST_MIB` MiB of `patternChunks(…, FLEETBACK_TEST_SEED)` into the repository at
 * `FLEETBACK_TEST_TARGET` (a location target as JSON) opened with `FLEETBACK_TEST_KEK` (hex), prints
 * `written`, then either waits to be killed (`FLEETBACK_TEST_HANG=1`) or saves a snapshot whose manifest is
 * the chunk list and prints its id.
 */
const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const repository = await openRepository(openObjectStore(JSON.parse(env('FLEETBACK_TEST_TARGET'))), Buffer.from(env('FLEETBACK_TEST_KEK'), 'hex'));
const writer = repository.openWriter();
const chunks = await writer.writeContent(
  (async function* () {
    yield* patternChunks(Number(env('FLEETBACK_TEST_MIB')) * 1024 * 1024, Number(env('FLEETBACK_TEST_SEED')));
  })(),
);
process.stdout.write('written\n');
if (process.env.FLEETBACK_TEST_HANG === '1') {
  setInterval(() => undefined, 60_000);
} else {
  const manifest = Buffer.from(JSON.stringify(chunks.map((c) => [c.id.toString('hex'), c.length])));
  const saved = await writer.saveSnapshot(manifest, { tags: { writer: String(process.pid) } });
  process.stdout.write(`${saved.id}\n`);
}
