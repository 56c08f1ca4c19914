import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoffDelayMs.ts';

describe('backoffDelayMs', () => {
  it('doubles from half a second', () => {
    const top = () => 1;
    expect([0, 1, 2, 3].map((a) => backoffDelayMs(a, top))).toEqual([500, 1000, 2000, 4000]);
  });

  it('stops growing at 30 seconds, however many attempts failed', () => {
    expect(backoffDelayMs(10, () => 1)).toBe(30_000);
    expect(backoffDelayMs(5000, () => 1)).toBe(30_000);
  });

  it('keeps at least half of the delay when jittering', () => {
    expect(backoffDelayMs(3, () => 0)).toBe(2000);
    expect(backoffDelayMs(3, () => 0.5)).toBe(3000);
  });
});
