import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpuSeconds } from '../fleet/HubProcess.ts';

/** A process of the benchmark, by the name the report uses for it. */
export interface NamedProcess {
  name: string;
  pid: number;
}

/** The direct children of this process with their command names (`etcd`, `kube-apiserver`, `minio`, `node`). */
export function childProcesses(): { pid: number; command: string }[] {
  const children: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid) continue;
      children.push({ pid: Number(entry), command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) });
    } catch {
      // Gone since the directory was read.
    }
  }
  return children;
}

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

/** Resident memory now, in MiB. */
export function rssMiB(pid: number): number {
  return statusKiB(pid, 'VmRSS') / 1024;
}

/** The peak resident memory (VmHWM) since the process started or since `resetPeakRss`, in MiB. */
export function peakRssMiB(pid: number): number {
  return statusKiB(pid, 'VmHWM') / 1024;
}

/** Sets the process's VmHWM back to its current RSS (`clear_refs` 5); false when the kernel refused. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * CPU seconds each process used between `start` and `end`, to see which peer a phase kept busy: the
 * benchmark process itself is `benchmark`. A process that has exited by `end` is left out.
 */
export class CpuWindow {
  private readonly before = new Map<string, number>();
  private readonly benchBefore = process.cpuUsage();
  private readonly startedAt = performance.now();

  private constructor(private readonly processes: NamedProcess[]) {
    for (const p of processes) this.before.set(p.name, safeCpu(p.pid) ?? 0);
  }

  static start(processes: NamedProcess[]): CpuWindow {
    return new CpuWindow(processes);
  }

  /** CPU seconds by process name, and each as a share of one core over the window's wall time. */
  end(): { cpuSeconds: Record<string, number>; percentOfOneCore: Record<string, number> } {
    const wall = (performance.now() - this.startedAt) / 1000;
    const used: Record<string, number> = {};
    for (const p of this.processes) {
      const now = safeCpu(p.pid);
      if (now !== undefined) used[p.name] = now - (this.before.get(p.name) ?? 0);
    }
    const bench = process.cpuUsage(this.benchBefore);
    used.benchmark = (bench.user + bench.system) / 1e6;
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      cpuSeconds: Object.fromEntries(Object.entries(used).map(([k, v]) => [k, round(v)])),
      percentOfOneCore: Object.fromEntries(Object.entries(used).map(([k, v]) => [k, round((v / wall) * 100)])),
    };
  }
}

function safeCpu(pid: number): number | undefined {
  try {
    return cpuSeconds(pid);
  } catch {
    return undefined;
  }
}
