import type { BackupListItem } from './BackupListItem.ts';
import { progressView } from './progressView.ts';

/**
 * A backup's progress as a bar and in words; the bar is an ARIA progressbar named after the backup, with no
 * value while the end is unknown (see `progressView`).
 */
export function BackupProgressBar({ backup }: { backup: Pick<BackupListItem, 'name' | 'phase' | 'progress'> }) {
  const view = progressView(backup.phase, backup.progress);
  const percent = view.fraction === null ? undefined : Math.round(view.fraction * 100);
  return (
    <div className={`progress progress-${view.tone}`} data-phase={backup.phase}>
      <div
        className={`progress-track${percent === undefined ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={`Progress of ${backup.name}`}
        aria-valuemin={percent === undefined ? undefined : 0}
        aria-valuemax={percent === undefined ? undefined : 100}
        aria-valuenow={percent}
        aria-valuetext={view.text}
      >
        <div className="progress-fill" style={percent === undefined ? undefined : { width: `${percent}%` }} />
      </div>
      <span className="progress-text">{view.text}</span>
    </div>
  );
}
