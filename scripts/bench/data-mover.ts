// The data mover against restic and Kopia on one deterministic corpus and one MinIO: first backup, second
// backup after 1 % of the database pages changed, full restore, repository bytes, peak RSS and CPU seconds;
// and `fleetback mover` to a tmpfs filesystem location, the pipeline without upload. Prints one JSON object.
// Needs scripts/bench/buildPeers.sh (restic, Kopia) and the world's MinIO (npm run world:build -- minio).
// FLEETBACK_BENCH_CORPUS: `full` (the issue's ~4 GiB) or a fraction of it; 0.25 (~1 GiB) by default.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startS3 } from '../../test/world/startS3.ts';
import { changePages } from './data-mover/changePages.ts';
import { corpusPlanFromEnv } from './data-mover/CorpusPlan.ts';
import { FleetbackTool } from './data-mover/FleetbackTool.ts';
import { judgeTargets } from './data-mover/judgeTargets.ts';
import { KopiaTool } from './data-mover/KopiaTool.ts';
import { makeCorpus } from './data-mover/makeCorpus.ts';
import { ResticTool } from './data-mover/ResticTool.ts';
import { runPhases } from './data-mover/runPhases.ts';
import { stageRates } from './data-mover/stageRates.ts';
import { treeBytes } from './data-mover/treeBytes.ts';
import { MinioBucket } from './resources/MinioBucket.ts';

const seed = 'fleetback-data-mover-1';
const changedFraction = 0.01;
const repoRoot = join(import.meta.dirname, '..', '..');
const peerBin = join(process.env.FLEETBACK_BENCH_CACHE ?? join(repoRoot, '.cache', 'bench'), 'bin');
const log = (line: string) => process.stderr.write(`[data-mover ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const peerVersion = (name: string) => readFileSync(join(peerBin, `${name}.version`), 'utf8').trim();

const plan = corpusPlanFromEnv(process.env.FLEETBACK_BENCH_CORPUS);
for (const peer of ['restic', 'kopia']) {
  if (!existsSync(join(peerBin, peer))) throw new Error(`${peer} is not built: run scripts/bench/buildPeers.sh`);
}

const work = await mkdtemp(join(tmpdir(), 'fleetback-bench-mover-'));
const shm = await mkdtemp(join('/dev/shm', 'fleetback-bench-mover-'));
const loadAtStart = loadavg();
await mkdir(join(work, 'logs'));
const minio = await startS3({ logDir: join(work, 'logs') });
const bucket = await MinioBucket.create(minio.info, 'bench-data-mover');
const bytesUnder = (prefix: string) => async () => Object.values(await bucket.sizesUnder(prefix)).reduce((a, b) => a + b, 0);
try {
  const corpusDir = join(work, 'corpus');
  log(`corpus ${plan.name}: generating`);
  const corpus = await makeCorpus(corpusDir, plan, seed);
  log(`corpus: ${corpus.bytes} bytes in ${corpus.files} files`);
  const s3 = minio.info;
  const noUpload = new FleetbackTool('fleetback-no-upload', { kind: 'filesystem', path: shm, prefix: '' }, work, () => treeBytes(shm));
  const tools = [
    new FleetbackTool('fleetback', { kind: 's3', bucket: bucket.name, prefix: 'fleetback', region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credential: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } }, work, bytesUnder('fleetback/')),
    new ResticTool(join(peerBin, 'restic'), s3, bucket.name, work, bytesUnder('restic/')),
    new KopiaTool(join(peerBin, 'kopia'), s3, bucket.name, work, bytesUnder('kopia/')),
    noUpload,
  ];
  const change = async () => {
    log(`changed ${await changePages(corpusDir, plan, seed, changedFraction)} of ${plan.dbPages} pages`);
  };
  const figures = await runPhases(tools, { dir: corpusDir, bytes: corpus.bytes }, work, change, log);
  const { seconds, cpuSeconds, peakRssMiB } = await noUpload.startup();
  log('stage rates');
  const stages = stageRates(seed, 64);
  console.log(
    JSON.stringify(
      {
        benchmark: 'data-mover',
        corpus: { ...plan, bytes: corpus.bytes, files: corpus.files, seed, changedPages: Math.round(plan.dbPages * changedFraction) },
        machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart.map((l) => Math.round(l * 10) / 10), loadAverageAtEnd: loadavg().map((l) => Math.round(l * 10) / 10) },
        versions: { node: process.version, restic: peerVersion('restic'), kopia: peerVersion('kopia'), notes: 'Kopia with a global zstd compression policy; restic with its default compression (auto)' },
        tools: figures,
        fleetbackStartup: { command: 'snapshots (filesystem location)', seconds, cpuSeconds, peakRssMiB },
        fleetbackStagesMiBPerSecond: stages,
        targets: judgeTargets(figures),
      },
      null,
      2,
    ),
  );
} finally {
  bucket.close();
  await minio.stop();
  await rm(work, { recursive: true, force: true });
  await rm(shm, { recursive: true, force: true });
}
