import { Badge } from '../ui/Badge.tsx';
import type { BackupSchedule } from './BackupSchedule.ts';
import { runTimeText, untilText } from './untilText.ts';

/** Whether a schedule runs, and its next three run times with how long until each. */
export function RunTimesCell({ schedule, now }: { schedule: BackupSchedule; now: number }) {
  if (schedule.suspended) {
    return (
      <div className="cell-stack">
        <Badge tone="neutral">Suspended</Badge>
        <span className="subtle">Takes no backups until resumed</span>
      </div>
    );
  }
  return (
    <div className="cell-stack">
      <Badge tone="ok">Active</Badge>
      {schedule.nextRunTimes.length === 0 ? (
        <span className="subtle">No run planned yet</span>
      ) : (
        <ol className="run-times" aria-label={`Next runs of ${schedule.name}`} data-testid="next-runs">
          {schedule.nextRunTimes.map((at) => (
            <li key={at}>
              <time dateTime={at} title={new Date(at).toLocaleString()}>
                {runTimeText(at)}
              </time>{' '}
              <span className="subtle">{untilText(at, now)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
