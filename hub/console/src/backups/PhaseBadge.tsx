import { Badge } from '../ui/Badge.tsx';
import type { BackupPhase } from './BackupListItem.ts';
import { phaseLabel } from './phaseLabel.ts';
import { phaseTone } from './phaseTone.ts';

/** A backup's phase as a coloured word. */
export function PhaseBadge({ phase }: { phase: BackupPhase }) {
  return <Badge tone={phaseTone(phase)}>{phaseLabel(phase)}</Badge>;
}
