import type { BackupPoint } from './BackupPoint.ts';

export interface ChartFrame {
  width: number;
  height: number;
  /** At most this many bars, the newest; fewer backups leave room on the left. */
  slots: number;
  gap: number;
  /** Bars never get lower than this, so an empty or failed backup still shows its colour. */
  minHeight: number;
}

export interface Bar {
  point: BackupPoint;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarLayout {
  bars: Bar[];
  /** The size the full height stands for: the largest shown. */
  maxBytes: number;
}

/**
 * Lays out the newest `slots` backups as bars, oldest left, newest at the right edge: height in proportion
 * to the largest shown (linear, from zero, so sizes compare honestly), never below `minHeight`. The frame's
 * slots are fixed, so bars keep their width whether a cluster has two backups or thirty.
 */
export function backupHistoryBars(points: readonly BackupPoint[], frame: ChartFrame): BarLayout {
  const shown = [...points]
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
    .slice(-frame.slots);
  const maxBytes = shown.reduce((max, p) => Math.max(max, p.bytes), 0);
  const step = frame.width / frame.slots;
  const barWidth = Math.max(1, step - frame.gap);
  const offset = frame.slots - shown.length;
  const bars = shown.map((point, i) => {
    const scaled = maxBytes > 0 ? (Math.max(0, point.bytes) / maxBytes) * frame.height : 0;
    const height = Math.min(frame.height, Math.max(frame.minHeight, scaled));
    return { point, x: (offset + i) * step, y: frame.height - height, width: barWidth, height };
  });
  return { bars, maxBytes };
}
