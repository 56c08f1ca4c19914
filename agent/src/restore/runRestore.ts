import type { JobPayload } from '../../../schema/agent/JobPayload.ts';
import type { OperationOutcome } from '../../../schema/agent/OperationOutcome.ts';
import { unreachable } from '../../../schema/spec/unreachable.ts';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { JobContext } from '../jobs/JobRunner.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { applyPlan } from './applyPlan.ts';
import { describeItem, type ItemOutcome } from './ItemOutcome.ts';
import type { KubeWrite } from '../kube/KubeWriter.ts';
import { planRestore } from './planRestore.ts';
import { readBackup } from './readBackup.ts';

export type RestorePayload = Extract<JobPayload, { kind: 'restore' }>;

/** What a restore reads and writes: the target cluster, and the store opened on the payload's location. */
export interface RestoreDeps {
  kube: KubeWrite;
  store: ObjectStore;
}

/**
 * Runs a restore job through its stages: read and verify the whole backup (`readBackup`: nothing is applied
 * from a backup that is not committed, truncated or corrupt), plan it (`planRestore`: filters, namespace
 * mapping, dependency order), and apply the plan (`applyPlan`: per-kind actions, existing-resource policy).
 *
 * Resolves with the outcome: `countsByKind` counts the objects created or updated, by type; every skipped
 * item is a warning with its reason, every failed item an error, and any error makes the phase
 * `PartiallyFailed`, never `Completed`. A dry run stops after planning: `countsByKind` counts what would be
 * applied and the cluster is not touched. `bytes` is the size of the archive read.
 *
 * Throws `JobFailure` when the backup cannot be read or verified (naming the object or item), or when
 * `context.signal` aborts (its reason if that is a `JobFailure`). Progress: items applied of the plan's total.
 */
export async function runRestore(
  payload: RestorePayload,
  deps: RestoreDeps,
  context: JobContext,
): Promise<OperationOutcome> {
  const { restore, backup } = payload;
  const { spec } = restore;
  const { signal } = context;
  const report = (done: number, total: number, bytes: number, message: string) =>
    context.progress({ done, total, bytes, message });

  try {
    report(0, 0, 0, `reading and verifying backup ${backup.name}`);
    const contents = await readBackup(deps.store, backup.id, signal);
    const bytes = contents.manifest.archive.size;
    const plan = planRestore(contents.items, spec);
    signal.throwIfAborted();
    if (spec.dryRun) {
      report(0, plan.length, bytes, `dry run: would restore ${plan.length} of ${contents.items.length} items`);
      const counts: Record<string, number> = {};
      for (const item of plan) counts[item.type] = (counts[item.type] ?? 0) + 1;
      return { phase: 'Completed', countsByKind: sorted(counts), bytes, warnings: [], errors: [] };
    }
    report(0, plan.length, bytes, `restoring ${plan.length} items`);
    const outcomes = await applyPlan(deps.kube, plan, {
      spec,
      backupId: backup.id,
      restoreId: restore.id,
      signal,
      onItem: (done, outcome) =>
        report(done, Math.max(done, plan.length), bytes, `${outcome.result} ${describeItem(outcome)}`),
    });
    return outcomeOf(outcomes, bytes);
  } catch (error) {
    if (signal.aborted) throw signal.reason instanceof JobFailure ? signal.reason : new JobFailure('cancelled');
    throw error;
  }
}

/** The job's outcome from the items' outcomes: partial failure as data. */
export function outcomeOf(outcomes: readonly ItemOutcome[], bytes: number): OperationOutcome {
  const counts: Record<string, number> = {};
  const warnings: string[] = [];
  const errors: string[] = [];
  for (const outcome of outcomes) {
    switch (outcome.result) {
      case 'created':
      case 'updated':
        counts[outcome.type] = (counts[outcome.type] ?? 0) + 1;
        break;
      case 'skipped':
        warnings.push(`skipped ${describeItem(outcome)}: ${outcome.reason}`);
        break;
      case 'failed':
        errors.push(`could not restore ${describeItem(outcome)}: ${outcome.error}`);
        break;
      default:
        unreachable(outcome);
    }
  }
  const phase = errors.length > 0 ? 'PartiallyFailed' : 'Completed';
  return { phase, countsByKind: sorted(counts), bytes, warnings, errors };
}

function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
