import { useId } from 'react';
import { formatBytes } from '../backups/formatBytes.ts';
import { phaseLabel } from '../backups/phaseLabel.ts';
import { phaseTone } from '../backups/phaseTone.ts';
import { backupHistoryBars, type ChartFrame } from './backupHistoryBars.ts';
import type { BackupPoint } from './BackupPoint.ts';
import { historySummary } from './historySummary.ts';
import './charts.css';

const frame: ChartFrame = { width: 150, height: 32, slots: 20, gap: 2, minHeight: 3 };

export interface BackupHistoryChartProps {
  points: readonly BackupPoint[];
  /** Names the chart for assistive technology, e.g. "Backups of prod-eu". */
  label: string;
  /** Shows the summary in words beside the chart (a cluster page) rather than only to screen readers (a row). */
  showSummary?: boolean;
}

/**
 * A small inline chart of a cluster's latest backups: one bar each, oldest left, its height the size and its
 * colour the outcome (green completed, amber partially failed, red failed, blue running). Each bar names its
 * backup on hover; the whole chart is described in words for screen readers.
 */
export function BackupHistoryChart({ points, label, showSummary = false }: BackupHistoryChartProps) {
  const { bars, maxBytes } = backupHistoryBars(points, frame);
  const summary = historySummary(bars.map((b) => b.point));
  const captionId = useId();
  return (
    <figure className="history-chart">
      <svg
        viewBox={`0 0 ${frame.width} ${frame.height}`}
        width={frame.width}
        height={frame.height}
        role="img"
        aria-label={label}
        aria-describedby={captionId}
        data-max-bytes={maxBytes}
      >
        <line className="history-axis" x1={0} x2={frame.width} y1={frame.height - 0.5} y2={frame.height - 0.5} />
        {bars.map((bar) => (
          <rect
            key={bar.point.id}
            className={`history-bar history-${phaseTone(bar.point.phase)}`}
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            rx={1}
            data-phase={bar.point.phase}
          >
            <title>
              {`${bar.point.name}: ${phaseLabel(bar.point.phase)}, ${formatBytes(bar.point.bytes)}, ${new Date(bar.point.createdAt).toLocaleString()}`}
            </title>
          </rect>
        ))}
      </svg>
      <figcaption id={captionId} className={showSummary ? 'history-summary' : 'visually-hidden'}>{summary}</figcaption>
    </figure>
  );
}
