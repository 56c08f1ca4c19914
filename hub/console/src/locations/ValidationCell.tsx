import { Badge } from '../ui/Badge.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import type { LocationValidation } from './BackupLocation.ts';

/** The last check of a location from inside a cluster: not yet, reachable, or what failed. */
export function ValidationCell({ validation, clusterName, now }: { validation: LocationValidation | null; clusterName?: string; now: number }) {
  if (!validation) {
    return (
      <div className="cell-stack">
        <Badge tone="neutral">Not checked</Badge>
        <span className="subtle">Check it from a cluster before the first backup.</span>
      </div>
    );
  }
  return (
    <div className="cell-stack">
      {validation.ok ? <Badge tone="ok">Reachable</Badge> : <Badge tone="bad">Check failed</Badge>}
      <span className="subtle">
        <RelativeTime at={validation.checkedAt} now={now} />
        {clusterName ? ` from ${clusterName}` : ''}
      </span>
      {validation.error && <span className="subtle">{validation.error}</span>}
    </div>
  );
}
