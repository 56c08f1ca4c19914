import { performance } from 'node:perf_hooks';
import { apiserverRequestCounts, requestsBetween } from './apiserverRequestCounts.ts';
import type { BenchAgent } from './BenchAgent.ts';
import type { KubeRest } from './KubeRest.ts';
import type { HubApi } from './prepareTenant.ts';
import { CpuWindow, type NamedProcess, peakRssMiB, resetPeakRss } from './processStats.ts';
import { type OperationState, waitForOperationEnd } from './waitForOperationEnd.ts';

export interface MeasurePhaseOptions {
  kind: 'backup' | 'restore';
  /** Sends the create mutation and resolves with the new backup's or restore's id. */
  create(): Promise<string>;
  api: HubApi;
  /** The agent that runs this phase, started for it, so its VmHWM is this phase's peak. */
  agent: BenchAgent;
  hubPid: number;
  /** Every process whose CPU time the phase reports. */
  processes: NamedProcess[];
  /** The cluster, for the API server's request counters. */
  kube: KubeRest;
  timeoutMs: number;
  log(message: string): void;
}

/** One backup or restore as measured: its end state and what it cost in time, memory and CPU. */
export interface PhaseMeasurement {
  id: string;
  state: OperationState;
  /** Wall time from sending the create mutation to the poll that saw the operation ended. */
  seconds: number;
  /** The hub's startedAt → completedAt: the agent's run, without dispatch and polling. */
  agentReportedSeconds: number | undefined;
  agentRssMiB: { beforeStart: number; peak: number };
  /** The hub's peak RSS during the phase; since the hub started when the kernel refused to reset it. */
  hubPeakRssMiB: number;
  hubPeakIsPhaseOnly: boolean;
  cpu: ReturnType<CpuWindow['end']>;
  /** Requests the kube-apiserver served during the phase, by verb. */
  apiserverRequests: Record<string, number>;
}

/**
 * Runs one backup or restore through the hub and measures it: the agent's RSS before and its peak (VmHWM of a
 * process started for the phase), the hub's peak (VmHWM reset at the start), CPU seconds of every process,
 * the kube-apiserver's requests by verb, and the wall time from the create mutation to the end seen by polling
 * every 200 ms.
 */
export async function measurePhase(options: MeasurePhaseOptions): Promise<PhaseMeasurement> {
  const { agent, hubPid, kind } = options;
  const beforeStart = agent.rssMiB();
  const requestsBefore = await apiserverRequestCounts(options.kube);
  const hubPeakIsPhaseOnly = resetPeakRss(hubPid);
  const cpu = CpuWindow.start(options.processes);
  const sent = performance.now();
  const id = await options.create();
  options.log(`${kind} ${id} created`);
  const { state, observedAt } = await waitForOperationEnd({
    kind,
    id,
    api: options.api,
    timeoutMs: options.timeoutMs,
    intervalMs: 200,
    log: options.log,
    abortIf: () => agent.assertRunning(),
  });
  const cpuUsed = cpu.end();
  const apiserverRequests = requestsBetween(requestsBefore, await apiserverRequestCounts(options.kube));
  const reported =
    state.startedAt && state.completedAt ? (Date.parse(state.completedAt) - Date.parse(state.startedAt)) / 1000 : undefined;
  return {
    id,
    state,
    seconds: (observedAt - sent) / 1000,
    agentReportedSeconds: reported,
    agentRssMiB: { beforeStart, peak: agent.peakRssMiB() },
    hubPeakRssMiB: peakRssMiB(hubPid),
    hubPeakIsPhaseOnly,
    cpu: cpuUsed,
    apiserverRequests,
  };
}
