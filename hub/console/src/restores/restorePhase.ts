import type { BadgeTone } from '../ui/Badge.tsx';
import { unreachable } from '../ui/unreachable.ts';

/** `RestorePhase` of the schema. PartiallyFailed: some items failed, the rest were applied. */
export type RestorePhase = 'Pending' | 'Running' | 'Completed' | 'PartiallyFailed' | 'Failed';

export const restorePhases: readonly RestorePhase[] = ['Pending', 'Running', 'Completed', 'PartiallyFailed', 'Failed'];

/** Whether the restore has ended: its result, items and counts are final. */
export function isRestoreEnded(phase: RestorePhase): boolean {
  switch (phase) {
    case 'Pending':
    case 'Running':
      return false;
    case 'Completed':
    case 'PartiallyFailed':
    case 'Failed':
      return true;
    default:
      return unreachable(phase);
  }
}

/** The phase as a person reads it, and the badge colour that goes with it. */
export function restorePhaseLook(phase: RestorePhase): { label: string; tone: BadgeTone } {
  switch (phase) {
    case 'Pending':
      return { label: 'Queued', tone: 'neutral' };
    case 'Running':
      return { label: 'Running', tone: 'info' };
    case 'Completed':
      return { label: 'Completed', tone: 'ok' };
    case 'PartiallyFailed':
      return { label: 'Partially failed', tone: 'warn' };
    case 'Failed':
      return { label: 'Failed', tone: 'bad' };
    default:
      return unreachable(phase);
  }
}
