import type { LocationTarget } from '#schema/agent/JobPayload';
import { JobFailure } from '../jobs/JobFailure.ts';
import { explainStorageError } from '../storage/explainStorageError.ts';
import type { StorageAction } from '../storage/StorageAction.ts';

/**
 * A backup's request to its location failed. Raised where the stage calls the store, so that `runBackup`
 * can tell a storage failure (explained to the operator as such) from a failure reading the cluster or a
 * cancellation, which travel through the same streams.
 */
export class BackupStorageError extends Error {
  override readonly name = 'BackupStorageError';

  constructor(
    readonly action: StorageAction,
    /** The key that was being written or read, relative to the location. */
    readonly key: string,
    cause: unknown,
  ) {
    super(`could not ${action} ${key}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }

  /**
   * What the job fails with: which object, and what the operator should check, as `explainStorageError` tells
   * in the words of the location's provider (`where` is `ObjectStore.describe()`).
   */
  toJobFailure(target: LocationTarget, where: string): JobFailure {
    const doing = `${gerunds[this.action]} ${this.key}`;
    const explained = explainStorageError(this.cause, { kind: target.kind, where }, this.action).message;
    return new JobFailure(`${doing} failed: ${explained}`, { cause: this.cause });
  }
}

const gerunds: Record<StorageAction, string> = { write: 'writing', read: 'reading', list: 'listing', delete: 'deleting' };
