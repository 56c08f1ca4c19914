import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** A backup or restore as the benchmark reads it from the hub. */
export interface OperationState {
  phase: string;
  progress: { itemsDone: number; itemsTotal: number; bytes: number };
  result: { countsByKind: { resource: string; kind: string | null; count: number }[]; warnings: string[]; errors: string[] } | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

export interface WaitForOperationOptions {
  /** `backup` or `restore`: the query field, and the word in logs. */
  kind: 'backup' | 'restore';
  id: string;
  api: <T>(query: string, variables?: object) => Promise<T>;
  timeoutMs: number;
  /** How often the hub is asked. */
  intervalMs: number;
  log(message: string): void;
  /** Called before each poll; throwing stops the wait (e.g. the agent died). */
  abortIf(): void;
}

const endPhases = new Set(['Completed', 'PartiallyFailed', 'Failed']);

/**
 * Polls the hub until the backup or restore has ended, logging progress every five seconds; resolves with its
 * last state and `observedAt`, the performance.now() of the poll that first saw it ended.
 */
export async function waitForOperationEnd(options: WaitForOperationOptions): Promise<{ state: OperationState; observedAt: number }> {
  const { kind, id, api, log } = options;
  const query = `query($id: ID!) { ${kind}(id: $id) {
    phase progress { itemsDone itemsTotal bytes }
    result { countsByKind { resource kind count } warnings errors }
    createdAt startedAt completedAt } }`;
  const deadline = performance.now() + options.timeoutMs;
  let lastLog = performance.now();
  for (;;) {
    options.abortIf();
    const state = (await api<Record<string, OperationState>>(query, { id }))[kind] as OperationState;
    if (endPhases.has(state.phase)) return { state, observedAt: performance.now() };
    if (performance.now() > deadline) throw new Error(`the ${kind} did not end within ${options.timeoutMs / 1000} s (${state.phase})`);
    if (performance.now() - lastLog > 5_000) {
      lastLog = performance.now();
      const { itemsDone, itemsTotal, bytes } = state.progress;
      log(`${kind} ${state.phase}: ${itemsDone} of ${itemsTotal} items, ${bytes} bytes`);
    }
    await sleep(options.intervalMs);
  }
}
