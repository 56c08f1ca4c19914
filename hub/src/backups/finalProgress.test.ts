import { describe, expect, it } from 'vitest';
import { finalProgress } from './finalProgress.ts';

describe('finalProgress', () => {
  it('counts every item a restore handled, skipped and failed ones too, not only those written (31/31, not 22/22)', () => {
    const outcome = { phase: 'PartiallyFailed' as const, countsByKind: { configmaps: 20, secrets: 2 }, itemCount: 31, bytes: 7, warnings: [], errors: ['x'] };
    expect(finalProgress(outcome)).toEqual({ itemsDone: 31, itemsTotal: 31, bytes: 7 });
  });

  it('falls back to the counts by kind for agents that do not report itemCount', () => {
    const outcome = { phase: 'Completed' as const, countsByKind: { configmaps: 2, secrets: 1 }, bytes: 0, warnings: [], errors: [] };
    expect(finalProgress(outcome)).toEqual({ itemsDone: 3, itemsTotal: 3, bytes: 0 });
  });
});
