import { unreachable } from '../auth/Principal.ts';

/** What an agent can be asked to do. `subjectId` of a job names the Backup, Restore or location it acts on. */
export const jobKinds = ['backup', 'restore', 'validateLocation', 'deleteBackup', 'rebuildCatalog'] as const;
export type JobKind = (typeof jobKinds)[number];

/** A job's lifecycle: Queued until an agent takes it under a lease, then Running, then one of the ends. */
export const jobPhases = ['Queued', 'Running', 'Succeeded', 'Failed', 'Cancelled'] as const;
export type JobPhase = (typeof jobPhases)[number];

/** Whether a job in this phase has ended and will never change again. */
export function isFinished(phase: JobPhase): boolean {
  switch (phase) {
    case 'Queued':
    case 'Running':
      return false;
    case 'Succeeded':
    case 'Failed':
    case 'Cancelled':
      return true;
    default:
      return unreachable(phase);
  }
}

/**
 * Why a job of this kind cannot be cancelled, or undefined when it can. A deletion may already have removed
 * part of the backup's data: stopping it halfway would leave a catalog entry pointing at a broken backup.
 */
export function whyNotCancellable(kind: JobKind): string | undefined {
  switch (kind) {
    case 'backup':
    case 'restore':
    case 'validateLocation':
    case 'rebuildCatalog':
      return undefined;
    case 'deleteBackup':
      return 'a backup deletion cannot be cancelled; it may already have removed data';
    default:
      return unreachable(kind);
  }
}
