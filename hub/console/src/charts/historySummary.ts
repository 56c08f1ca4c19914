import { phaseLabel } from '../backups/phaseLabel.ts';
import { formatBytes } from '../backups/formatBytes.ts';
import type { BackupPhase } from '../backups/BackupListItem.ts';
import type { BackupPoint } from './BackupPoint.ts';

const order: readonly BackupPhase[] = ['Completed', 'PartiallyFailed', 'Failed', 'Running', 'Pending', 'Deleting'];

/**
 * The chart in words, for screen readers and as its caption: "12 backups: 10 completed, 1 partially failed,
 * 1 failed; largest 3.2 MiB, latest 3.1 MiB (completed)".
 */
export function historySummary(points: readonly BackupPoint[]): string {
  if (points.length === 0) return 'No backups yet';
  const byPhase = new Map<BackupPhase, number>();
  for (const p of points) byPhase.set(p.phase, (byPhase.get(p.phase) ?? 0) + 1);
  const phases = order
    .filter((phase) => byPhase.has(phase))
    .map((phase) => `${byPhase.get(phase)} ${phaseLabel(phase).toLowerCase()}`)
    .join(', ');
  const largest = points.reduce((max, p) => Math.max(max, p.bytes), 0);
  const latest = points.reduce((a, b) => (Date.parse(b.createdAt) > Date.parse(a.createdAt) ? b : a));
  const count = `${points.length} ${points.length === 1 ? 'backup' : 'backups'}`;
  return `${count}: ${phases}; largest ${formatBytes(largest)}, latest ${formatBytes(latest.bytes)} (${phaseLabel(latest.phase).toLowerCase()})`;
}
