import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobProgressReport } from '#schema/agent/JobPayload';
import { ProgressThrottle } from './ProgressThrottle.ts';

const at = (done: number): JobProgressReport => ({ done, total: 10, bytes: 0, message: null });

describe('ProgressThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first update at once, then the latest at most once per interval', () => {
    const sent: number[] = [];
    const throttle = new ProgressThrottle((p) => sent.push(p.done), 1000, () => Date.now());
    throttle.update(at(1));
    throttle.update(at(2));
    throttle.update(at(3));
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([1, 3]);
  });

  it('sends nothing after stop, and hands the update it held back to the caller', () => {
    const sent: number[] = [];
    const throttle = new ProgressThrottle((p) => sent.push(p.done), 1000, () => Date.now());
    throttle.update(at(1));
    throttle.update(at(2));
    expect(throttle.stop()?.done).toBe(2);
    vi.advanceTimersByTime(2000);
    expect(sent).toEqual([1]);
  });
});
