import type { JobPayload } from '#schema/agent/JobPayload';
import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { JobContext } from '../jobs/JobRunner.ts';
import { describeKubeError, type KubeJson, kubeStatusOf } from '../kube/KubeJsonClient.ts';
import { BackupRules } from '../rules/BackupRules.ts';
import type { PodExec } from '../rules/PodExec.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { ArchiveWriter } from './ArchiveWriter.ts';
import { backupKeys } from './backupKeys.ts';
import { logEntriesOf } from './BackupLogEntry.ts';
import { boundedLog } from './boundedLog.ts';
import { BackupStorageError } from './BackupStorageError.ts';
import { Committer } from './Committer.ts';
import { ItemCollector } from './ItemCollector.ts';
import { loadBackupRequest } from './loadBackupRequest.ts';
import { logProblems } from './logProblems.ts';
import { readCommittedOutcome } from './readCommittedOutcome.ts';
import { removePartialBackup } from './removePartialBackup.ts';

export type BackupPayload = Extract<JobPayload, { kind: 'backup' }>;

/**
 * What a backup reads and writes: the cluster, and the store opened on the payload's location; and exec into
 * the cluster's pods, which only a backup with rules needs (without it such a backup fails).
 */
export interface BackupDeps {
  kube: KubeJson;
  store: ObjectStore;
  exec?: PodExec;
}

/**
 * Runs a backup job through its stages: resolve the request (`loadBackupRequest`), run the pre-exec rule
 * (`BackupRules`), collect and clean the items (`ItemCollector`), stream them into the archive
 * (`ArchiveWriter`), stop the pre-exec rule's background actions and run the post-exec rule, and commit the
 * index, the log and `backup.json` (`Committer`), in format v1 (`schema/format/README.md`).
 *
 * Resolves with the outcome once `backup.json` is written: `PartiallyFailed` with every error listed when any
 * item or type could not be taken or a post-exec action failed, `Completed` otherwise. A rerun of a job whose
 * backup is already committed writes nothing, runs no rule and resolves with the committed outcome.
 *
 * Throws `JobFailure` — when the cluster cannot be read at all, when the pre-exec rule fails or one of its
 * background actions ends too early (naming the rule, the pod and how it ended), when the location fails
 * (the message says what to check), or when `context.signal` aborts (its reason if that is a `JobFailure`).
 * The post-exec rule still runs then, and its failures are added to the message. In each case no
 * `backup.json` is written and the objects written so far are removed as far as possible; any that could not
 * be are named in the message. Progress goes to `context.progress`: items archived so far (the total grows
 * with them, since it is unknown until collection ends) and bytes stored.
 */
export async function runBackup(payload: BackupPayload, deps: BackupDeps, context: JobContext): Promise<OperationOutcome> {
  const { backup, location } = payload;
  const { kube, store } = deps;
  const { signal } = context;
  const keys = backupKeys(backup.id);
  const startedAt = new Date();
  const explain = (error: unknown, running = signal): unknown => {
    if (running.aborted) return running.reason instanceof JobFailure ? running.reason : new JobFailure('cancelled');
    if (error instanceof BackupStorageError) return error.toJobFailure(location, store.describe());
    if (kubeStatusOf(error) !== undefined) return new JobFailure(`reading the cluster failed: ${describeKubeError(error)}`);
    return error;
  };
  let items = 0;
  let stored = 0;
  const report = (bytes: number, message: string) => {
    stored = bytes;
    context.progress({ done: items, total: items, bytes, message });
  };

  report(0, `checking ${store.describe()} for an earlier run of this backup`);
  let request;
  try {
    const committed = await readCommittedOutcome(store, keys);
    if (committed) {
      report(committed.bytes, 'already committed by an earlier run of this job');
      return committed;
    }
    signal.throwIfAborted();
    report(0, 'resolving what to back up');
    request = await loadBackupRequest(kube, backup.spec).catch((error: unknown) => {
      throw new JobFailure(`could not read the cluster's API to resolve the backup: ${describeKubeError(error)}`, {
        cause: error,
      });
    });
  } catch (error) {
    throw explain(error);
  }

  const { preRule = null, postRule = null } = payload;
  const rules = new BackupRules(deps, { preRule, postRule }, request.namespaces, (message) => report(stored, message));
  try {
    await rules.runPre(signal);
  } catch (error) {
    await rules.finish();
    throw withPostFailures(explain(error), rules);
  }

  // From here on objects are written: any failure removes them again. The backup also stops when a
  // background action of the pre-exec rule ends before it should.
  const running = AbortSignal.any([signal, rules.lost]);
  try {
    running.throwIfAborted();
    const collector = new ItemCollector(kube, request);
    const { result } = collector;
    const writer = new ArchiveWriter(store, keys.archive, {
      mtime: startedAt,
      signal: running,
      result,
      onItem: (count, bytes) => {
        items = count;
        report(bytes, `archived ${count} items`);
      },
    });
    const archive = await writer.write(collector.collect());
    await rules.finish();
    report(archive.size, `archived ${items} items; writing the index, the log and backup.json`);
    const log = [...rules.preLog, ...logEntriesOf(result), ...rules.postLog];
    const manifest = await new Committer(store, keys, running).commit({ backup, startedAt, archive, log });
    report(manifest.bytes, `committed ${manifest.itemCount} items (${manifest.phase})`);
    return {
      phase: manifest.phase,
      countsByKind: manifest.countsByKind,
      kinds: Object.fromEntries(Object.entries(result.kinds).filter(([type]) => Object.hasOwn(manifest.countsByKind, type))),
      itemCount: manifest.itemCount,
      bytes: manifest.bytes,
      ...logProblems(log),
      ...boundedLog(log),
    };
  } catch (error) {
    const failure = explain(error, running);
    await rules.finish();
    const leftovers = await removePartialBackup(store, keys);
    const explained = withPostFailures(failure, rules);
    throw leftovers.length === 0 ? explained : withLeftovers(explained, leftovers);
  }
}

/** The failure, its message extended by the post-exec rule's errors: they never hide why the backup failed. */
function withPostFailures(failure: unknown, rules: BackupRules): unknown {
  const note = rules.postFailures();
  if (!note || !(failure instanceof JobFailure)) return failure;
  return new JobFailure(`${failure.message}; ${note}`, { cause: failure.cause ?? failure });
}

/** The failure, its message extended by the objects that stay behind: cleanup never hides why the job failed. */
function withLeftovers(failure: unknown, leftovers: string[]): Error {
  const note =
    ` (could not remove what this run wrote, which readers ignore without backup.json and may be deleted: ` +
    `${leftovers.join('; ')})`;
  if (failure instanceof JobFailure) return new JobFailure(`${failure.message}${note}`, { cause: failure.cause ?? failure });
  // Not a failure we expected: keep it as the cause, so the runner still logs it as the bug it is.
  return new Error(`${failure instanceof Error ? failure.message : String(failure)}${note}`, { cause: failure });
}
