import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { adminRequest } from './fleet/adminRequest.ts';
import { enrollFleet } from './fleet/enrollFleet.ts';
import { FleetAgent } from './fleet/FleetAgent.ts';
import { forEachLimited } from './fleet/forEachLimited.ts';
import { cpuSeconds, freePort, HubProcess } from './fleet/HubProcess.ts';
import { JobLedger } from './fleet/JobLedger.ts';
import { reconnectStorm } from './fleet/reconnectStorm.ts';
import { percentile } from './percentile.ts';

/**
 * The agent link at fleet scale: one hub (SQLite, its own process) and FLEETBACK_BENCH_AGENTS (2,000)
 * protocol-level agents in this process. Measures the hub's memory per connected agent, job dispatch
 * latency (create mutation answered → offer at the agent), job throughput with agents that complete at
 * once, and how long a hub restart takes to win back the whole fleet of real agent links. Prints one JSON
 * object; progress goes to stderr. Run with `npm run bench`; FLEETBACK_BENCH_LATENCY_JOBS (500) and
 * FLEETBACK_BENCH_THROUGHPUT_JOBS (2,000) size the two job phases.
 */
const agents = Number(process.env.FLEETBACK_BENCH_AGENTS ?? 2000);
const latencyJobs = Number(process.env.FLEETBACK_BENCH_LATENCY_JOBS ?? 500);
const throughputJobs = Number(process.env.FLEETBACK_BENCH_THROUGHPUT_JOBS ?? 2000);
const connectConcurrency = 50;
const createConcurrency = 32;
// Longer than one dispatcher sweep (every 10 s at the default 60 s lease), so the idle figures include one.
const settleMs = 12_000;

const runStart = performance.now();
const log = (message: string) =>
  console.error(`[agent-fleet ${((performance.now() - runStart) / 1000).toFixed(1)}s] ${message}`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const workDir = mkdtempSync(join(tmpdir(), 'fleetback-bench-fleet-'));
const dataDir = join(workDir, 'data');
const locationDir = join(workDir, 'location');
mkdirSync(locationDir);
const port = await freePort();
let hub: HubProcess | undefined;
const fleet: FleetAgent[] = [];
const complaints = new Map<string, number>();

function collectComplaints(from: HubProcess): void {
  for (const [message, n] of from.complaints) complaints.set(message, (complaints.get(message) ?? 0) + n);
}

function cleanUp(): void {
  for (const agent of fleet.splice(0)) void agent.close();
  hub?.kill();
  rmSync(workDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

/** Lets the hub settle for `ms`, then reads its memory, and its CPU use and worst event-loop stall meanwhile. */
async function sample(of: HubProcess, ms: number) {
  await of.metrics(); // resets the event-loop histogram, so the maximum below is this window's
  const cpuBefore = cpuSeconds(of.pid);
  await sleep(ms);
  const cpu = cpuSeconds(of.pid) - cpuBefore;
  const metrics = await of.metrics();
  return {
    rssKiB: of.rssKiB(),
    heapUsedMiB: round((metrics.nodejs_heap_size_used_bytes ?? 0) / 1_048_576),
    cpuPercent: round((cpu / (ms / 1000)) * 100),
    eventLoopMaxMs: round((metrics.nodejs_eventloop_lag_max_seconds ?? 0) * 1000),
  };
}

try {
  log(`starting the hub on port ${port}`);
  hub = (await HubProcess.start({ port, dataDir })).hub;
  const url = hub.url;
  const token = await hub.adminToken();
  const api = <T>(query: string, variables: object = {}) => adminRequest<T>(url, token, query, variables);
  const connectedOnHub = async () =>
    (await api<{ clusters: { totalCount: number } }>('{ clusters(filter: { status: Connected }) { totalCount } }'))
      .clusters.totalCount;

  const tenantId = (await api<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "fleet" }) { id } }'))
    .createTenant.id;
  const locationId = (
    await api<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "probe", filesystem: { path: $p } }) { id } }',
      { t: tenantId, p: locationDir },
    )
  ).createBackupLocation.id;

  log(`registering and enrolling ${agents} clusters`);
  const enrolled = await enrollFleet({ hubUrl: url, adminToken: token, tenantId, count: agents, concurrency: connectConcurrency });
  log(`registered in ${enrolled.registerSeconds.toFixed(1)} s, enrolled in ${enrolled.enrollSeconds.toFixed(1)} s`);

  log('idle: measuring the hub with no agent connected');
  const idle = await sample(hub, settleMs);

  log(`connecting ${agents} agents, ${connectConcurrency} at a time`);
  const ledger = new JobLedger();
  const connectStart = performance.now();
  const byCluster: FleetAgent[] = new Array<FleetAgent>(agents);
  await forEachLimited(agents, connectConcurrency, async (i) => {
    const agent = await FleetAgent.connect(url, (enrolled.clusters[i] as { credential: string }).credential, ledger);
    fleet.push(agent);
    byCluster[i] = agent;
    await agent.subscribeJobs();
  });
  const connectSeconds = (performance.now() - connectStart) / 1000;
  const shownConnected = await connectedOnHub();
  if (shownConnected !== agents) throw new Error(`the hub shows ${shownConnected} of ${agents} clusters connected`);
  log(`connected and subscribed in ${connectSeconds.toFixed(1)} s; measuring the hub`);
  const connected = await sample(hub, settleMs);

  const createJob = async (i: number) =>
    (
      await api<{ validateBackupLocation: { id: string } }>('mutation($l: ID!, $c: ID!) { validateBackupLocation(id: $l, clusterId: $c) { id } }', {
        l: locationId,
        c: (enrolled.clusters[i % agents] as { clusterId: string }).clusterId,
      })
    ).validateBackupLocation.id;

  log(`dispatch latency: ${latencyJobs} jobs, one at a time`);
  const created: string[] = [];
  const afterResponse: number[] = [];
  const afterRequest: number[] = [];
  let offeredBeforeResponse = 0;
  for (let i = 0; i < latencyJobs; i++) {
    const sent = performance.now();
    const id = await createJob(i);
    const answered = performance.now();
    const arrived = await ledger.offerArrival(id);
    created.push(id);
    // The offer can beat the HTTP response back: the hub signals the dispatcher before it answers.
    if (arrived < answered) offeredBeforeResponse++;
    afterResponse.push(Math.max(0, arrived - answered));
    afterRequest.push(arrived - sent);
  }
  await ledger.allAccepted(created, 60_000);

  log(`throughput: ${throughputJobs} jobs, ${createConcurrency} create requests in flight`);
  const burst: string[] = new Array<string>(throughputJobs);
  const burstStart = performance.now();
  const burstCpuBefore = cpuSeconds(hub.pid);
  const benchCpuBefore = process.cpuUsage();
  await forEachLimited(throughputJobs, createConcurrency, async (i) => {
    burst[i] = await createJob(i);
  });
  const createdIn = (performance.now() - burstStart) / 1000;
  await ledger.allAccepted(burst, 600_000);
  const burstSeconds = (ledger.lastAcceptedAt - burstStart) / 1000;
  // Whether the hub was CPU-bound: with node:sqlite a query, and an fsync, blocks its event loop.
  const burstWall = (performance.now() - burstStart) / 1000;
  const burstHubCpu = round(((cpuSeconds(hub.pid) - burstCpuBefore) / burstWall) * 100);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const burstBenchCpu = round(((benchCpu.user + benchCpu.system) / 1e6 / burstWall) * 100);
  log(`created in ${createdIn.toFixed(1)} s, all completed after ${burstSeconds.toFixed(1)} s`);

  log('checking every job: Succeeded, one accepted completion');
  const all = [...created, ...burst];
  let succeeded = 0;
  let acceptedOnce = 0;
  const batch = 50;
  await forEachLimited(Math.ceil(all.length / batch), 4, async (b) => {
    const ids = all.slice(b * batch, (b + 1) * batch);
    const fields = ids.map((id, k) => `j${k}: job(id: ${JSON.stringify(id)}) { phase }`).join(' ');
    const jobs = await api<Record<string, { phase: string }>>(`{ ${fields} }`);
    for (const [k, id] of ids.entries()) {
      if (jobs[`j${k}`]?.phase === 'Succeeded') succeeded++;
      if (ledger.acceptedCount(id) === 1) acceptedOnce++;
    }
  });
  if (succeeded !== all.length || acceptedOnce !== all.length) {
    log(`job check failed: ${succeeded} Succeeded, ${acceptedOnce} accepted exactly once, of ${all.length}`);
  }

  log('reconnect storm: closing the protocol agents, then connecting real agent links');
  await Promise.all(fleet.splice(0).map((agent) => agent.close()));
  const storm = await reconnectStorm({
    hubUrl: url,
    credentials: enrolled.clusters.map((c) => c.credential),
    connectedOnHub,
    log,
    stopHub: async () => {
      const stopping = hub as HubProcess;
      await stopping.stop();
      collectComplaints(stopping);
    },
    startHub: async () => {
      const restarted = await HubProcess.start({ port, dataDir });
      hub = restarted.hub;
      return restarted.readyAt;
    },
  });
  log(`all ${agents} links back ${storm.seconds.toFixed(1)} s after the restarted hub answered`);
  await hub.stop();
  collectComplaints(hub);

  const kib = (connected.rssKiB - idle.rssKiB) / agents;
  console.log(
    JSON.stringify({
      benchmark: 'agent-fleet',
      node: process.version,
      agents,
      hubRssMiB: { idle: round(idle.rssKiB / 1024), connected: round(connected.rssKiB / 1024) },
      kibPerConnection: round(kib),
      hubHeapUsedMiB: { idle: idle.heapUsedMiB, connected: connected.heapUsedMiB },
      hubIdle: {
        noAgents: { cpuPercent: idle.cpuPercent, eventLoopMaxMs: idle.eventLoopMaxMs },
        allConnected: { cpuPercent: connected.cpuPercent, eventLoopMaxMs: connected.eventLoopMaxMs },
        windowSeconds: settleMs / 1000,
      },
      setupSeconds: {
        register: round(enrolled.registerSeconds),
        enroll: round(enrolled.enrollSeconds),
        connectAndSubscribe: round(connectSeconds),
      },
      dispatchLatencyMs: {
        p50: percentile(afterResponse, 50),
        p99: percentile(afterResponse, 99),
        max: percentile(afterResponse, 100),
        samples: afterResponse.length,
        offeredBeforeResponse,
        fromRequestSentP50: percentile(afterRequest, 50),
        fromRequestSentP99: percentile(afterRequest, 99),
        fromRequestSentMax: percentile(afterRequest, 100),
      },
      jobsPerSecond: round(throughputJobs / burstSeconds),
      throughput: {
        jobs: throughputJobs,
        seconds: round(burstSeconds, 2),
        createSeconds: round(createdIn, 2),
        createConcurrency,
        hubCpuPercent: burstHubCpu,
        benchmarkProcessCpuPercent: burstBenchCpu,
      },
      jobsChecked: all.length,
      jobCheck: {
        succeeded,
        acceptedExactlyOnce: acceptedOnce,
        offers: ledger.offers,
        redeliveries: ledger.redeliveries,
        notAccepted: ledger.notAccepted,
        declined: ledger.declined,
        failures: ledger.failures,
        failureSamples: ledger.failureSamples,
      },
      reconnectStorm: {
        seconds: round(storm.seconds, 2),
        connectedAt5s: storm.connectedAt5s,
        connectedAt10s: storm.connectedAt10s,
        p50Seconds: round(storm.p50Seconds, 2),
        connectEventsAfterRestart: storm.connectEventsAfterRestart,
        initialConnectSeconds: round(storm.initialConnectSeconds, 2),
        hubStopSeconds: round(storm.hubStopSeconds, 2),
        outageSeconds: round(storm.outageSeconds, 2),
        shownConnectedAtRestart: storm.shownConnectedAtRestart,
        fatal: storm.fatal,
      },
      hubComplaints: Object.fromEntries(complaints),
      runSeconds: round((performance.now() - runStart) / 1000),
      notes: [
        'hub: SQLite in a temp dir, its own process (node --import tsx); agents: all in the benchmark process, sharing the machine with the hub',
        'memory: hub VmRSS and V8 heap used, after 12 s settling with no agent connected vs all connected and subscribed; no forced GC, so the heap figures move with GC timing',
        'dispatch latency: validateBackupLocation answered over HTTP → Offer at that cluster\'s agent (0 when the offer came first), jobs created one at a time',
        `throughput: first create request → last completeJob accepted; ${createConcurrency} create requests in flight, agents ack and complete at once`,
        'reconnect storm: real agent links (agent/src/link/HubLink, 0.5–30 s backoff with jitter), hub SIGTERMed and restarted on the same port and data dir; seconds from the new hub answering /healthz',
      ],
    }),
  );
} finally {
  cleanUp();
}
