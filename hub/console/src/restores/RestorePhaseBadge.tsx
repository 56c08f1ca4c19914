import { Badge } from '../ui/Badge.tsx';
import { type RestorePhase, restorePhaseLook } from './restorePhase.ts';

/** A restore's phase as a coloured word; a dry run says so beside it. */
export function RestorePhaseBadge({ phase, dryRun = false }: { phase: RestorePhase; dryRun?: boolean }) {
  const { label, tone } = restorePhaseLook(phase);
  return (
    <span className="restore-badges">
      <Badge tone={tone}>{label}</Badge>
      {dryRun && <Badge tone="info">Dry run</Badge>}
    </span>
  );
}
