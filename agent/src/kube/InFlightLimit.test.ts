import { describe, expect, it } from 'vitest';
import { InFlightLimit } from './InFlightLimit.ts';

/** A call that stays running until `finish(i)` settles it, recording how many ran at once. */
function gatedCalls() {
  const gates = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  const started: number[] = [];
  let running = 0;
  let peak = 0;
  return {
    started,
    peak: () => peak,
    call: (i: number) => () =>
      new Promise<number>((resolve, reject) => {
        started.push(i);
        running += 1;
        peak = Math.max(peak, running);
        gates.set(i, {
          resolve: () => {
            running -= 1;
            resolve(i);
          },
          reject: (e) => {
            running -= 1;
            reject(e);
          },
        });
      }),
    finish: (i: number) => gates.get(i)?.resolve(),
    fail: (i: number) => gates.get(i)?.reject(new Error(`call ${i} failed`)),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('InFlightLimit', () => {
  it('runs at most max calls at once and starts the waiting ones in arrival order', async () => {
    const limit = new InFlightLimit(3);
    const calls = gatedCalls();
    const results = Array.from({ length: 8 }, (_, i) => limit.run(calls.call(i)));
    await tick();
    expect(calls.started).toEqual([0, 1, 2]);
    calls.finish(1);
    await tick();
    expect(calls.started).toEqual([0, 1, 2, 3]);
    for (let i = 0; i < 8; i += 1) {
      calls.finish(i);
      await tick();
    }
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(calls.peak()).toBe(3);
  });

  it('frees the slot of a call that rejects', async () => {
    const limit = new InFlightLimit(1);
    const calls = gatedCalls();
    const first = limit.run(calls.call(0));
    const second = limit.run(calls.call(1));
    await tick();
    calls.fail(0);
    await expect(first).rejects.toThrow('call 0 failed');
    await tick();
    expect(calls.started).toEqual([0, 1]);
    calls.finish(1);
    expect(await second).toBe(1);
  });

  it('frees the slot of a call that throws before returning a promise', async () => {
    const limit = new InFlightLimit(1);
    await expect(
      limit.run(() => {
        throw new Error('at once');
      }),
    ).rejects.toThrow('at once');
    expect(await limit.run(async () => 'next')).toBe('next');
  });

  it('refuses a limit below one', () => {
    expect(() => new InFlightLimit(0)).toThrow(RangeError);
  });
});
