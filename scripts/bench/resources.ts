import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PeerHandle } from '../../test/world/PeerHandle.ts';
import { startCluster } from '../../test/world/startCluster.ts';
import { startS3 } from '../../test/world/startS3.ts';
import type { ClusterInfo, S3Info } from '../../test/world/WorldInfo.ts';
import { adminRequest } from './fleet/adminRequest.ts';
import { freePort, HubProcess } from './fleet/HubProcess.ts';
import { BenchAgent } from './resources/BenchAgent.ts';
import { benchNamespaceName, restoredNamespaceName } from './resources/benchObjects.ts';
import { checkRestored } from './resources/checkRestored.ts';
import { countsProblems, expectedCounts } from './resources/expectedCounts.ts';
import { KubeRest } from './resources/KubeRest.ts';
import { measurePhase, type PhaseMeasurement } from './resources/measurePhase.ts';
import { MinioBucket } from './resources/MinioBucket.ts';
import { prepareTenant } from './resources/prepareTenant.ts';
import { childProcesses, type NamedProcess } from './resources/processStats.ts';
import { objectMixOf, parseResourcesBenchOptions } from './resources/ResourcesBenchOptions.ts';
import { seedObjects } from './resources/seedObjects.ts';

/**
 * Backup and restore of many Kubernetes objects through the real product path: a real kube-apiserver and etcd,
 * MinIO, the hub as its own process and the real agent as another, enrolled for the cluster. Seeds ConfigMaps,
 * Secrets and custom objects over many namespaces (`--objects 10000 --namespaces 100`, see
 * `ResourcesBenchOptions`), backs the namespaces up with `createBackup`, restores them with `createRestore`
 * into mapped namespaces of the same cluster, checks every object arrived, and prints one JSON object:
 * objects per second each way, the agent's peak memory in each phase, the archive's size. Logs go to stderr;
 * any failure exits non-zero.
 */
const options = parseResourcesBenchOptions(process.argv.slice(2), process.env);
const mix = objectMixOf(options);
const runStart = performance.now();
const loadAtStart = loadavg();
const log = (message: string) => console.error(`[resources ${((performance.now() - runStart) / 1000).toFixed(1)}s] ${message}`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const bucketName = 'fleetback-bench';
const prefix = 'bench';
const phaseTimeoutMs = 120_000 + options.objects * 300;

const workDir = mkdtempSync(join(tmpdir(), 'fleetback-bench-resources-'));
const logDir = join(workDir, 'logs');
mkdirSync(logDir);
let cluster: PeerHandle<ClusterInfo> | undefined;
let s3: PeerHandle<S3Info> | undefined;
let hub: HubProcess | undefined;
let agent: BenchAgent | undefined;
let kube: KubeRest | undefined;
let bucket: MinioBucket | undefined;

async function cleanUp(): Promise<void> {
  await agent?.kill();
  hub?.kill();
  kube?.close();
  bucket?.close();
  await Promise.allSettled([s3?.stop(), cluster?.stop()]);
  rmSync(workDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

/** The processes whose CPU time a phase reports: the hub, the agent and the world's peers (not tsx's esbuild). */
function processesOf(hubPid: number, agentPid: number): NamedProcess[] {
  const peers = new Set(['etcd', 'kube-apiserver', 'minio']);
  return childProcesses()
    .map(({ pid, command }) => ({ pid, name: pid === hubPid ? 'hub' : pid === agentPid ? 'agent' : command }))
    .filter((p) => p.name === 'hub' || p.name === 'agent' || peers.has(p.name));
}

function phaseFigures(phase: PhaseMeasurement, items: number) {
  return {
    items,
    seconds: round(phase.seconds, 2),
    objectsPerSecond: round(items / phase.seconds),
    agentReportedSeconds: phase.agentReportedSeconds === undefined ? null : round(phase.agentReportedSeconds, 2),
    agentRssMiB: { beforeStart: round(phase.agentRssMiB.beforeStart), peak: round(phase.agentRssMiB.peak) },
    hubPeakRssMiB: round(phase.hubPeakRssMiB),
    cpuSeconds: phase.cpu.cpuSeconds,
    cpuPercentOfOneCore: phase.cpu.percentOfOneCore,
    apiserverRequests: phase.apiserverRequests,
    warnings: phase.state.result?.warnings.length ?? 0,
  };
}

/** Throws, naming every problem, unless the phase Completed without errors and with the expected counts. */
function assertPhase(kind: string, phase: PhaseMeasurement, expected: Record<string, number>): number {
  const { state } = phase;
  const problems = [
    ...(state.phase === 'Completed' ? [] : [`phase ${state.phase}`]),
    ...(state.result?.errors ?? []).slice(0, 20),
    ...countsProblems(state.result?.countsByKind ?? [], expected),
  ];
  if (problems.length > 0) throw new Error(`the ${kind} is not as expected:\n  ${problems.join('\n  ')}`);
  return (state.result?.countsByKind ?? []).reduce((sum, c) => sum + c.count, 0);
}

let exitCode = 0;
try {
  log(`${options.objects} objects (${mix.configMaps} ConfigMaps, ${mix.secrets} Secrets, ${mix.custom} custom) in ${options.namespaces} namespaces`);
  log('starting a cluster (etcd, kube-apiserver), MinIO and the hub');
  cluster = await startCluster({ name: 'bench', logDir });
  s3 = await startS3({ logDir });
  hub = (await HubProcess.start({ port: await freePort(), dataDir: join(workDir, 'hub') })).hub;
  const hubProcess = hub;
  const token = await hub.adminToken();
  const api = <T>(query: string, variables: object = {}) => adminRequest<T>(hubProcess.url, token, query, variables);
  kube = await KubeRest.fromKubeconfig(cluster.info.kubeconfigPath, options.seedConcurrency);

  log(`seeding, ${options.seedConcurrency} creates in flight`);
  const seed = await seedObjects(kube, { namespaces: options.namespaces, mix, concurrency: options.seedConcurrency, log });
  log(`seeded in ${seed.seconds.toFixed(1)} s (${seed.objectsPerSecond.toFixed(0)} objects/s)`);

  bucket = await MinioBucket.create(s3.info, bucketName);
  const tenant = await prepareTenant(api, s3.info, bucketName, prefix);
  const connected = async () =>
    (await api<{ cluster: { status: string } }>('query($id: ID!) { cluster(id: $id) { status } }', { id: tenant.clusterId }))
      .cluster.status === 'Connected';
  const credentialFile = join(workDir, 'agent-credential');
  const agentOptions = { hubUrl: hub.url, kubeconfigPath: cluster.info.kubeconfigPath, logDir, credentialFile, connected };
  agent = await BenchAgent.start({ ...agentOptions, name: 'backup', enrollmentToken: tenant.enrollmentToken });
  // Past the agent's first inventory report, so the phase starts from an idle agent.
  await sleep(3_000);

  log('backing up');
  const backup = await measurePhase({
    kind: 'backup',
    api,
    agent,
    hubPid: hub.pid,
    processes: processesOf(hub.pid, agent.pid),
    kube,
    timeoutMs: phaseTimeoutMs,
    log,
    create: async () =>
      (
        await api<{ createBackup: { id: string } }>(
          'mutation($c: ID!, $l: ID!) { createBackup(input: { clusterId: $c, locationId: $l, includeNamespaces: ["bench-*"], name: "bench" }) { id } }',
          { c: tenant.clusterId, l: tenant.locationId },
        )
      ).createBackup.id,
  });
  const archived = assertPhase('backup', backup, expectedCounts(mix, options.namespaces, true));
  const objects = await bucket.sizesUnder(`${prefix}/backups/${backup.id}/`);
  log(`backed up ${archived} items in ${backup.seconds.toFixed(1)} s`);

  log('restarting the agent, so the restore has a process of its own');
  await agent.stop();
  agent = undefined;
  agent = await BenchAgent.start({ ...agentOptions, name: 'restore' });
  await sleep(3_000);

  log('restoring into mapped namespaces');
  const mapping = Array.from({ length: options.namespaces }, (_, i) => ({ from: benchNamespaceName(i), to: restoredNamespaceName(i) }));
  const restore = await measurePhase({
    kind: 'restore',
    api,
    agent,
    hubPid: hub.pid,
    processes: processesOf(hub.pid, agent.pid),
    kube,
    timeoutMs: phaseTimeoutMs,
    log,
    create: async () =>
      (
        await api<{ createRestore: { id: string } }>(
          'mutation($b: ID!, $c: ID!, $m: [MappingInput!]!) { createRestore(input: { backupId: $b, targetClusterId: $c, namespaceMapping: $m }) { id } }',
          { b: backup.id, c: tenant.clusterId, m: mapping },
        )
      ).createRestore.id,
  });
  const restored = assertPhase('restore', restore, expectedCounts(mix, options.namespaces, false));
  log(`restored ${restored} items in ${restore.seconds.toFixed(1)} s; checking the cluster`);
  const check = await checkRestored(kube, options.namespaces, mix);
  if (check.problems.length > 0) throw new Error(`the restored objects are not all there:\n  ${check.problems.join('\n  ')}`);
  const hubComplaints = Object.fromEntries(hub.complaints);

  console.log(
    JSON.stringify({
      benchmark: 'resources',
      node: process.version,
      cpus: cpus().length,
      loadAverageAtStart: loadAtStart.map((n) => round(n, 2)),
      objects: { total: options.objects, ...mix, namespaces: options.namespaces },
      seed: { seconds: round(seed.seconds), objectsPerSecond: round(seed.objectsPerSecond), concurrency: options.seedConcurrency },
      backup: {
        ...phaseFigures(backup, archived),
        archiveBytes: objects['resources.tar.gz'] ?? null,
        objectBytes: objects,
        countsByKind: Object.fromEntries((backup.state.result?.countsByKind ?? []).map((c) => [c.resource, c.count])),
      },
      restore: {
        target: 'same cluster, namespaces mapped bench-NNNN → restored-NNNN (existingResourcePolicy skip)',
        ...phaseFigures(restore, restored),
        countsByKind: Object.fromEntries((restore.state.result?.countsByKind ?? []).map((c) => [c.resource, c.count])),
        foundInCluster: check.found,
      },
      hubPeakRssMiB: round(Math.max(backup.hubPeakRssMiB, restore.hubPeakRssMiB)),
      hubPeakPerPhase: backup.hubPeakIsPhaseOnly && restore.hubPeakIsPhaseOnly,
      hubComplaints,
      runSeconds: round((performance.now() - runStart) / 1000),
      notes: [
        'one real cluster (etcd + kube-apiserver, no controller manager: no ServiceAccounts or root CA ConfigMaps in the namespaces), MinIO, the hub (SQLite, its own process) and the agent (its own process, info logs), all on this machine',
        'backup: createBackup of includeNamespaces ["bench-*"] (the agent lists each type per namespace); items = countsByKind summed (seeded objects + Namespaces + the CRD); seconds from the mutation to the poll (every 200 ms) that saw Completed',
        'restore: createRestore of that backup into the same cluster with every namespace mapped; items = objects created (the CRD exists and is skipped); checked by listing the cluster afterwards',
        'agent RSS: a fresh agent process per phase, VmHWM read when the phase ended; both run from source (node --import tsx, as the tests do), which adds the loader to every figure; hub RSS: VmHWM reset (clear_refs) at each phase start',
        'cpuSeconds: CPU time of each process during the phase; benchmark = this process (polling, no seeding); apiserverRequests: apiserver_request_total by verb during the phase',
        'Velero users report about 3 objects/s on large backups',
      ],
    }),
  );
} catch (error) {
  exitCode = 1;
  console.error(error);
  if (agent) console.error(`----- agent output -----\n${agent.outputTail()}`);
  if (hub?.complaints.size) console.error(`----- hub complaints -----\n${JSON.stringify(Object.fromEntries(hub.complaints))}`);
} finally {
  await cleanUp();
}
process.exit(exitCode);
