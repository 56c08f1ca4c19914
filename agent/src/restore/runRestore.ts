import { tmpdir } from 'node:os';
import type { JobPayload } from '#schema/agent/JobPayload';
import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import { unreachable } from '#schema/contracts/unreachable';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { JobContext } from '../jobs/JobRunner.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { applyPlan } from './applyPlan.ts';
import { describeItem, type ItemOutcome } from './ItemOutcome.ts';
import { ItemSpool } from './ItemSpool.ts';
import type { KubeWrite } from '../kube/KubeWriter.ts';
import { loadPlannedObject } from './loadPlannedObject.ts';
import { planRestore } from './planRestore.ts';
import type { RestoreSpec } from '#schema/contracts/RestoreSpec';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import { leftOutClusterObjects } from './leftOutClusterObjects.ts';
import { readBackupIndex } from './readBackupIndex.ts';
import { RestoreNeeds } from './RestoreNeeds.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';
import { unmatchedFilters } from './unmatchedFilters.ts';
import { spoolArchive } from './spoolArchive.ts';

export type RestorePayload = Extract<JobPayload, { kind: 'restore' }>;

/** What a restore reads and writes: the target cluster, the store opened on the payload's location, scratch space. */
export interface RestoreDeps {
  kube: KubeWrite;
  store: ObjectStore;
  /**
   * Where the restore makes its spool directory (`fleetback-restore-*`, removed when the restore ends), which
   * holds the selected items between verifying the archive and applying them: as large as those items' JSON.
   * Default `os.tmpdir()`, which is `$TMPDIR` or `/tmp`, so in a pod an emptyDir mounted there (or `TMPDIR`
   * pointed at one) gives restores their own bounded disk.
   */
  workDirectory?: string;
}

/**
 * Runs a restore job through its stages, holding one item in memory at a time whatever the backup's size:
 * 1. `readBackupIndex`: `backup.json` and `index.jsonl`, verified; a directory that is not a committed
 *    backup fails here.
 * 2. `planRestore`: from the index entries (filters, namespace mapping, dependency order), every candidate.
 * 3. `spoolArchive`: streams `resources.tar.gz` once, verifies all of it (its digest, every file against
 *    its index entry) and keeps the candidates in a spool directory under `deps.workDirectory`, while
 *    `RestoreNeeds` records what they refer to. Nothing is applied from a backup that is not committed,
 *    truncated or corrupt: this stage ends before any write. `planRestore` again, with those needs: under
 *    `clusterScoped: auto`, only the cluster-scoped objects the restored namespaced objects need remain.
 * 4. `applyPlan`: loads each item from the spool as it comes to it (per-kind actions, existing-resource policy).
 * The spool directory is removed when the restore ends, however it ends.
 *
 * Resolves with the outcome: `countsByKind` counts the objects created or updated, by type, and `itemCount`
 * every item handled; each filter that matched nothing (`unmatchedFilters`), what `auto` left out, and every skipped
 * item is a warning with its reason, every failed item an error, and any error makes the phase
 * `PartiallyFailed`, never `Completed`. A dry run goes through the same stages (so it fails exactly when the
 * restore would fail before applying) and reads each planned object's current state in the target, but
 * writes nothing to the cluster (`applyPlan`'s dry run): its item outcomes, `countsByKind`, warnings and
 * errors are those a real run would have, item by item. `bytes` is the size of the archive read.
 *
 * Throws `JobFailure` when the backup cannot be read or verified (naming the object or item), or when
 * `context.signal` aborts (its reason if that is a `JobFailure`). Progress: the archive's bytes read of its
 * size while verifying, then items applied of the plan's total.
 * Each item's outcome also goes to `context.restoreItem`, for the hub's record of the restore.
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

  let spool: ItemSpool | undefined;
  try {
    report(0, 0, 0, `reading the index of backup ${backup.name}`);
    const index = await readBackupIndex(deps.store, backup.id, signal);
    const bytes = index.manifest.archive.size;
    const candidates = planRestore(index.entries, spec);
    signal.throwIfAborted();
    // A dry run needs the objects too: what a real run does with an item depends on it.
    const kept = await ItemSpool.create(deps.workDirectory ?? tmpdir());
    spool = kept;
    const verifying = (read: number) =>
      report(0, candidates.length, read, `verifying backup ${backup.name}: ${read} of ${bytes} bytes read`);
    verifying(0);
    const needs = new RestoreNeeds(spec);
    await spoolArchive(deps.store, index, candidates, { spool: kept, signal, onProgress: verifying, inspect: needs.inspect });
    const plan = planRestore(index.entries, spec, { needed: needs.needed() });
    const planWarnings = planWarningsOf(index.entries, spec, candidates, plan);
    const would = spec.dryRun ? 'dry run: would be ' : '';
    report(0, plan.length, bytes, `${spec.dryRun ? 'dry run: deciding' : 'restoring'} ${plan.length} items`);
    const outcomes = await applyPlan(deps.kube, plan, {
      spec,
      backupId: backup.id,
      restoreId: restore.id,
      signal,
      load: (item) => loadPlannedObject(kept, item),
      onItem: (done, outcome) => {
        context.restoreItem?.(outcome);
        report(done, Math.max(done, plan.length), bytes, `${would}${outcome.result} ${describeItem(outcome)}`);
      },
    });
    const outcome = outcomeOf(outcomes, bytes, planWarnings);
    return { ...outcome, kinds: kindsOf(plan, outcome.countsByKind) };
  } catch (error) {
    if (signal.aborted) throw signal.reason instanceof JobFailure ? signal.reason : new JobFailure('cancelled');
    throw error;
  } finally {
    // A directory left behind cannot change what the restore did; the next restores get fresh ones anyway.
    await spool?.remove().catch(() => undefined);
  }
}

/** What the restore has to say about its spec and plan before any item: filters that matched nothing, and what `auto` left out. */
function planWarningsOf(
  entries: readonly IndexEntry[],
  spec: RestoreSpec,
  candidates: readonly RestorePlanItem[],
  plan: readonly RestorePlanItem[],
): string[] {
  const warnings = unmatchedFilters(entries, spec);
  const leftOut = leftOutClusterObjects(candidates, plan);
  if (leftOut !== undefined) warnings.push(leftOut);
  if (plan.length === 0) warnings.push(`nothing in the backup matches the restore's filters, so nothing was restored`);
  return warnings;
}

/**
 * The job's outcome from the items' outcomes: partial failure as data. `itemCount` is every outcome (created,
 * updated, skipped, failed), so the final progress is all the items the run handled, not only those it wrote.
 */
export function outcomeOf(outcomes: readonly ItemOutcome[], bytes: number, planWarnings: readonly string[] = []): OperationOutcome {
  const counts: Record<string, number> = {};
  const warnings: string[] = [...planWarnings];
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
  return { phase, countsByKind: sorted(counts), bytes, warnings, errors, itemCount: outcomes.length };
}

/** The kind of each type counted, from the plan's index entries (and Namespace, which the restore may create unplanned). */
function kindsOf(plan: readonly RestorePlanItem[], counts: Record<string, number>): Record<string, string> {
  const kinds = new Map<string, string>([['namespaces', 'Namespace']]);
  for (const item of plan) kinds.set(item.type, item.entry.kind);
  return Object.fromEntries(Object.keys(counts).flatMap((type) => {
    const kind = kinds.get(type);
    return kind === undefined ? [] : [[type, kind]];
  }));
}

function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
