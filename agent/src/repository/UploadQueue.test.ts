import { describe, expect, it } from 'vitest';
import { UploadQueue } from './UploadQueue.ts';

function gate(): { promise: Promise<void>; open(): void; fail(error: Error): void } {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe('UploadQueue', () => {
  it('lets no more than its limit run at once', async () => {
    const queue = new UploadQueue(2);
    const gates = [gate(), gate(), gate()];
    let running = 0;
    let most = 0;
    const track = (g: ReturnType<typeof gate>) => () => {
      most = Math.max(most, ++running);
      return g.promise.finally(() => running--);
    };
    await queue.run(track(gates[0]!));
    const second = queue.run(track(gates[1]!));
    let secondReturned = false;
    void second.then(() => (secondReturned = true));
    await Promise.resolve();
    expect(secondReturned).toBe(false);
    gates[0]!.open();
    await second;
    const third = queue.run(track(gates[2]!));
    gates[1]!.open();
    await third;
    gates[2]!.open();
    await queue.drain();
    expect(most).toBe(2);
  });

  it('throws the first failure from every later call', async () => {
    const queue = new UploadQueue(4);
    const failing = gate();
    await queue.run(() => failing.promise);
    failing.fail(new Error('the bucket is gone'));
    await expect(queue.drain()).rejects.toThrow('the bucket is gone');
    await expect(queue.run(() => Promise.resolve())).rejects.toThrow('the bucket is gone');
  });
});
