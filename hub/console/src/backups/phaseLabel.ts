import type { BackupPhase } from './BackupListItem.ts';

/** A phase as a person reads it: "Partially failed" rather than the enum's run-together spelling. */
export function phaseLabel(phase: BackupPhase): string {
  return phase === 'PartiallyFailed' ? 'Partially failed' : phase;
}
