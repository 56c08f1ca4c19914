import { unreachable } from '../auth/Principal.ts';

/** A restore's lifecycle; PartiallyFailed when some items failed and the rest were applied. */
export const restorePhases = ['Pending', 'Running', 'Completed', 'PartiallyFailed', 'Failed'] as const;
export type RestorePhase = (typeof restorePhases)[number];

/** Whether the restore's job is still to finish. */
export function isRestoreInProgress(phase: RestorePhase): boolean {
  switch (phase) {
    case 'Pending':
    case 'Running':
      return true;
    case 'Completed':
    case 'PartiallyFailed':
    case 'Failed':
      return false;
    default:
      return unreachable(phase);
  }
}
