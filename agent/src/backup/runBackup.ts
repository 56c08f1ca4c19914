import type { JobPayload } from '../../../schema/agent/JobPayload.ts';
import type { OperationOutcome } from '../../../schema/agent/OperationOutcome.ts';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { JobContext } from '../jobs/JobRunner.ts';
import { describeKubeError, type KubeJson, kubeStatusOf } from '../kube/KubeJsonClient.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { ArchiveWriter } from './ArchiveWriter.ts';
import { backupKeys } from './backupKeys.ts';
import { BackupStorageError } from './BackupStorageError.ts';
import { describeProblem } from './CollectionResult.ts';
import { Committer } from './Committer.ts';
import { ItemCollector } from './ItemCollector.ts';
import { loadBackupRequest } from './loadBackupRequest.ts';
import { readCommittedOutcome } from './readCommittedOutcome.ts';
import { removePartialBackup } from './removePartialBackup.ts';

export type BackupPayload = Extract<JobPayload, { kind: 'backup' }>;

/** What a backup reads and writes: the cluster, and the store opened on the payload's location. */
export interface BackupDeps {
  kube: KubeJson;
  store: ObjectStore;
}

/**
 * Runs a backup job through its stages: resolve the request (`loadBackupRequest`), collect and clean the
 * items (`ItemCollector`), stream them into the archive (`ArchiveWriter`), and commit the index, the log and
 * `backup.json` (`Committer`), in format v1 (`schema/format/README.md`).
 *
 * Resolves with the outcome once `backup.json` is written: `PartiallyFailed` with every error listed when any
 * item or type could not be taken, `Completed` otherwise. A rerun of a job whose backup is already committed
 * writes nothing and resolves with the committed outcome.
 *
 * Throws `JobFailure` — when the cluster cannot be read at all, when the location fails (the message says
 * what to check), or when `context.signal` aborts (its reason if that is a `JobFailure`). In each case no
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
  const explain = (error: unknown): unknown => {
    if (signal.aborted) return signal.reason instanceof JobFailure ? signal.reason : new JobFailure('cancelled');
    if (error instanceof BackupStorageError) return error.toJobFailure(location, store.describe());
    if (kubeStatusOf(error) !== undefined) return new JobFailure(`reading the cluster failed: ${describeKubeError(error)}`);
    return error;
  };
  let items = 0;
  const report = (bytes: number, message: string) => context.progress({ done: items, total: items, bytes, message });

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

  // From here on objects are written: any failure removes them again.
  try {
    signal.throwIfAborted();
    const collector = new ItemCollector(kube, request);
    const { result } = collector;
    const writer = new ArchiveWriter(store, keys.archive, {
      mtime: startedAt,
      signal,
      result,
      onItem: (count, bytes) => {
        items = count;
        report(bytes, `archived ${count} items`);
      },
    });
    const archive = await writer.write(collector.collect());
    report(archive.size, `archived ${items} items; writing the index, the log and backup.json`);
    const manifest = await new Committer(store, keys, signal).commit({ backup, startedAt, archive, result });
    report(manifest.bytes, `committed ${manifest.itemCount} items (${manifest.phase})`);
    return {
      phase: manifest.phase,
      countsByKind: manifest.countsByKind,
      bytes: manifest.bytes,
      warnings: result.warnings.map(describeProblem),
      errors: result.errors.map(describeProblem),
    };
  } catch (error) {
    const failure = explain(error);
    const leftovers = await removePartialBackup(store, keys);
    throw leftovers.length === 0 ? failure : withLeftovers(failure, leftovers);
  }
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
