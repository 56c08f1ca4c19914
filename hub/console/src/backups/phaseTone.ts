import type { BadgeTone } from '../ui/Badge.tsx';
import { unreachable } from '../ui/unreachable.ts';
import type { BackupPhase } from './BackupListItem.ts';

/** The colour of a phase, shared by badges and the history chart's bars. */
export function phaseTone(phase: BackupPhase): BadgeTone {
  switch (phase) {
    case 'Pending':
    case 'Running':
      return 'info';
    case 'Completed':
      return 'ok';
    case 'PartiallyFailed':
      return 'warn';
    case 'Failed':
      return 'bad';
    case 'Deleting':
      return 'neutral';
    default:
      return unreachable(phase);
  }
}
