import type { LocationTarget } from '#schema/agent/JobPayload';
import { JobFailure } from '../jobs/JobFailure.ts';
import { explainStorageError, type StorageAction } from '../storage/explainStorageError.ts';

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
   * for object stores and by the error code for a filesystem location (`where` is `ObjectStore.describe()`).
   */
  toJobFailure(target: LocationTarget, where: string): JobFailure {
    const doing = `${gerunds[this.action]} ${this.key}`;
    const explained =
      target.kind === 'filesystem'
        ? explainFilesystemError(this.cause, where)
        : explainStorageError(this.cause, { kind: target.kind, where }, this.action).message;
    return new JobFailure(`${doing} failed: ${explained}`, { cause: this.cause });
  }
}

const gerunds: Record<StorageAction, string> = { write: 'writing', read: 'reading', list: 'listing', delete: 'deleting' };

/** The same advice `probeFilesystemLocation` gives, for an error met in the middle of a backup. */
function explainFilesystemError(error: unknown, where: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${where} is gone from the agent's file system; check that the volume is still mounted`;
    case 'EACCES':
    case 'EPERM':
      return `the agent may not write to ${where}; fix the volume's permissions or the agent's user`;
    case 'EROFS':
      return `${where} is mounted read-only; mount it read-write`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${where} is full`;
    default:
      return `could not use ${where} (${code ?? 'no error code'}): ${error instanceof Error ? error.message : String(error)}`;
  }
}
