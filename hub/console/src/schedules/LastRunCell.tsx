import { Badge } from '../ui/Badge.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import type { BackupSchedule } from './BackupSchedule.ts';

/** When a schedule last ran, the run times it missed, and why its last run took no backup. */
export function LastRunCell({ schedule, now }: { schedule: BackupSchedule; now: number }) {
  return (
    <div className="cell-stack">
      {schedule.lastRunAt ? <RelativeTime at={schedule.lastRunAt} now={now} /> : <span className="subtle">Not run yet</span>}
      {schedule.missedRuns > 0 && (
        <span title="Run times that passed without a backup of their own: while the hub was down, or while the previous backup was unfinished.">
          <Badge tone="warn">
            {schedule.missedRuns} missed {schedule.missedRuns === 1 ? 'run' : 'runs'}
          </Badge>
        </span>
      )}
      {schedule.lastRunError && (
        <>
          <Badge tone="bad">Last run took no backup</Badge>
          <span className="subtle">{schedule.lastRunError}</span>
        </>
      )}
    </div>
  );
}
