import { describe, expect, it } from 'vitest';
import { EventQueue } from './EventQueue.ts';

describe('EventQueue', () => {
  it('hands items to waiting and later readers in order', async () => {
    const queue = new EventQueue<number>();
    const first = queue.next();
    queue.push(1);
    queue.push(2);
    expect(await first).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
  });

  it('ends waiting readers, drops later pushes and calls onEnd once', async () => {
    let ends = 0;
    const queue = new EventQueue<number>(() => ends++);
    const waiting = queue.next();
    await queue.return();
    queue.end();
    queue.push(3);
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(await queue.next()).toEqual({ value: undefined, done: true });
    expect(ends).toBe(1);
  });
});
