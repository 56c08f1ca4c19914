import { describe, expect, it } from 'vitest';
import type { BackupPhase } from '../backups/BackupListItem.ts';
import { backupHistoryBars } from './backupHistoryBars.ts';
import type { BackupPoint } from './BackupPoint.ts';
import { historySummary } from './historySummary.ts';

const point = (n: number, bytes: number, phase: BackupPhase = 'Completed'): BackupPoint => ({
  id: `b${n}`,
  name: `backup-${n}`,
  phase,
  createdAt: new Date(Date.UTC(2026, 2, 1, n)).toISOString(),
  bytes,
});
const frame = { width: 100, height: 40, slots: 10, gap: 2, minHeight: 3 };

describe('backupHistoryBars', () => {
  it('scales heights linearly to the largest backup shown, oldest at the left', () => {
    const { bars, maxBytes } = backupHistoryBars([point(3, 400), point(1, 100), point(2, 200)], frame);
    expect(maxBytes).toBe(400);
    expect(bars.map((b) => b.point.id)).toEqual(['b1', 'b2', 'b3']);
    expect(bars.map((b) => b.height)).toEqual([10, 20, 40]);
    expect(bars.map((b) => b.y)).toEqual([30, 20, 0]);
  });

  it('keeps the newest at the right edge with fixed-width slots', () => {
    const { bars } = backupHistoryBars([point(1, 1), point(2, 1)], frame);
    expect(bars.map((b) => b.x)).toEqual([80, 90]);
    expect(bars.every((b) => b.width === 8)).toBe(true);
  });

  it('shows only the newest slots', () => {
    const points = Array.from({ length: 15 }, (_, i) => point(i, i + 1));
    const { bars, maxBytes } = backupHistoryBars(points, frame);
    expect(bars).toHaveLength(10);
    expect(bars[0]?.point.id).toBe('b5');
    expect(bars[0]?.x).toBe(0);
    expect(maxBytes).toBe(15);
  });

  it('gives empty, failed and zero-sized backups the minimum height', () => {
    const { bars } = backupHistoryBars([point(1, 0, 'Failed'), point(2, 1000), point(3, 1)], frame);
    expect(bars.map((b) => b.height)).toEqual([3, 40, 3]);
    expect(backupHistoryBars([point(1, 0), point(2, 0)], frame).bars.map((b) => b.height)).toEqual([3, 3]);
    expect(backupHistoryBars([], frame)).toEqual({ bars: [], maxBytes: 0 });
  });
});

describe('historySummary', () => {
  it('counts phases and names the largest and latest sizes', () => {
    expect(historySummary([point(1, 2048), point(2, 0, 'Failed'), point(3, 1024, 'PartiallyFailed')])).toBe(
      '3 backups: 1 completed, 1 partially failed, 1 failed; largest 2 KiB, latest 1 KiB (partially failed)',
    );
    expect(historySummary([point(1, 5)])).toBe('1 backup: 1 completed; largest 5 B, latest 5 B (completed)');
    expect(historySummary([])).toBe('No backups yet');
  });
});
