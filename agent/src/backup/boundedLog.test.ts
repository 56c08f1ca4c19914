import { describe, expect, it } from 'vitest';
import { maxOutcomeLogBytes, maxOutcomeLogLines } from '#schema/agent/OutcomeLogLine';
import type { BackupLogEntry } from './BackupLogEntry.ts';
import { boundedLog } from './boundedLog.ts';

const line = (message: string): BackupLogEntry => ({ level: 'warning', message });

describe('boundedLog', () => {
  it('carries a short log whole', () => {
    const lines = [line('a'), line('b')];
    expect(boundedLog(lines)).toEqual({ log: lines, logTruncated: false });
  });

  it('keeps the first lines up to the line limit', () => {
    const lines = Array.from({ length: maxOutcomeLogLines + 5 }, (_, i) => line(`w${i}`));
    const bounded = boundedLog(lines);
    expect(bounded.log).toEqual(lines.slice(0, maxOutcomeLogLines));
    expect(bounded.logTruncated).toBe(true);
  });

  it('keeps the first lines up to the byte limit', () => {
    const big = 'x'.repeat(100 * 1024);
    const bounded = boundedLog([line(big), line(big), line(big), line('small')]);
    expect(bounded.log).toHaveLength(2);
    expect(bounded.logTruncated).toBe(true);
    expect(JSON.stringify(bounded.log).length).toBeLessThan(maxOutcomeLogBytes);
  });
});
