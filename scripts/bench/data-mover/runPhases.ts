import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchTool } from './BenchTool.ts';
import { type Measured, round } from './measureRun.ts';
import { treeBytes } from './treeBytes.ts';

const MiB = 1024 ** 2;

export interface PhaseFigures {
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
}

export interface ToolFigures {
  firstBackup: PhaseFigures & { MiBPerSecond: number };
  secondBackup: PhaseFigures & { percentOfFirst: number };
  restore: PhaseFigures & { MiBPerSecond: number; restoredBytes: number };
  repositoryBytes: number;
}

const figures = ({ seconds, cpuSeconds, peakRssMiB }: Measured): PhaseFigures => ({ seconds, cpuSeconds, peakRssMiB });

/** `tools` rotated by `by`, so no tool always runs first (on a cold cache) or last (on a tired machine). */
const rotated = <T>(tools: T[], by: number): T[] => tools.map((_, i) => tools[(i + by) % tools.length] as T);

/**
 * Runs every phase for every tool, alternating: all first backups, then the change, all second backups,
 * then all restores, each phase in a different order.
 */
export async function runPhases(
  tools: BenchTool[],
  corpus: { dir: string; bytes: number },
  work: string,
  change: () => Promise<void>,
  log: (line: string) => void,
): Promise<Record<string, ToolFigures>> {
  const first = new Map<BenchTool, Measured>();
  const second = new Map<BenchTool, Measured>();
  const restored = new Map<BenchTool, { run: Measured; bytes: number }>();
  for (const tool of tools) await tool.init();
  for (const tool of rotated(tools, 0)) {
    log(`${tool.name}: first backup`);
    first.set(tool, await tool.backup(corpus.dir));
  }
  await change();
  for (const tool of rotated(tools, 1)) {
    log(`${tool.name}: second backup`);
    second.set(tool, await tool.backup(corpus.dir));
  }
  for (const tool of rotated(tools, 2)) {
    log(`${tool.name}: restore`);
    const target = join(work, `restore-${tool.name}`);
    const run = await tool.restore(target);
    restored.set(tool, { run, bytes: await treeBytes(target) });
    await rm(target, { recursive: true, force: true });
  }
  const result: Record<string, ToolFigures> = {};
  for (const tool of tools) {
    const a = first.get(tool)!;
    const b = second.get(tool)!;
    const r = restored.get(tool)!;
    result[tool.name] = {
      firstBackup: { ...figures(a), MiBPerSecond: round(corpus.bytes / MiB / a.seconds) },
      secondBackup: { ...figures(b), percentOfFirst: round((100 * b.seconds) / a.seconds) },
      restore: { ...figures(r.run), MiBPerSecond: round(corpus.bytes / MiB / r.run.seconds), restoredBytes: r.bytes },
      repositoryBytes: await tool.repositoryBytes(),
    };
  }
  return result;
}
