import type { BackupPhase } from './BackupListItem.ts';

/** Phases a backup leaves on its own (its job or its deletion runs): the ones worth following live. */
export function isInProgress(phase: BackupPhase): boolean {
  return phase === 'Pending' || phase === 'Running' || phase === 'Deleting';
}
