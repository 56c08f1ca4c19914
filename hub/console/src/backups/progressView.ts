import { unreachable } from '../ui/unreachable.ts';
import type { BackupPhase, BackupProgress } from './BackupListItem.ts';
import { formatBytes } from './formatBytes.ts';

export type ProgressTone = 'active' | 'ok' | 'warn' | 'bad';

/**
 * How a backup's progress bar looks. `fraction` is null for an indeterminate bar: while the agent collects,
 * its total grows with the items done (it is unknown until collection ends), so a filled bar would claim an
 * end that is not in sight; a moving one and the counts say more.
 */
export interface ProgressView {
  fraction: number | null;
  tone: ProgressTone;
  /** What the bar says in words: "Waiting for the agent", "412 items · 3.1 MiB", "Completed · 1.2 MiB". */
  text: string;
}

const number = (n: number) => n.toLocaleString('en');

function counts(progress: BackupProgress): string {
  const items = `${number(progress.itemsDone)} ${progress.itemsDone === 1 ? 'item' : 'items'}`;
  return `${items} · ${formatBytes(progress.bytes)}`;
}

/** The bar of a backup in `phase` with `progress`. */
export function progressView(phase: BackupPhase, progress: BackupProgress): ProgressView {
  switch (phase) {
    case 'Pending':
      return { fraction: null, tone: 'active', text: 'Waiting for the agent' };
    case 'Running':
      return progress.itemsTotal > progress.itemsDone
        ? {
            fraction: progress.itemsDone / progress.itemsTotal,
            tone: 'active',
            text: `${number(progress.itemsDone)} of ${number(progress.itemsTotal)} items · ${formatBytes(progress.bytes)}`,
          }
        : { fraction: null, tone: 'active', text: progress.itemsDone > 0 ? counts(progress) : 'Starting' };
    case 'Completed':
      return { fraction: 1, tone: 'ok', text: `Completed · ${counts(progress)}` };
    case 'PartiallyFailed':
      return { fraction: 1, tone: 'warn', text: `Partially failed · ${counts(progress)}` };
    case 'Failed':
      return { fraction: 1, tone: 'bad', text: 'Failed' };
    case 'Deleting':
      return { fraction: null, tone: 'bad', text: 'Deleting' };
    default:
      return unreachable(phase);
  }
}
