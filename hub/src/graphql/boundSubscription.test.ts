import { describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '../errors/errors.ts';
import { boundSubscription } from './boundSubscription.ts';

/** A source that yields what `push` gives it and records whether it was ended. */
function source() {
  const waiting: ((r: IteratorResult<number>) => void)[] = [];
  const state = { ended: false };
  const iterator: AsyncIterator<number> = {
    next: () => new Promise((resolve) => waiting.push(resolve)),
    return: async () => {
      state.ended = true;
      for (const resolve of waiting.splice(0)) resolve({ done: true, value: undefined });
      return { done: true, value: undefined };
    },
  };
  return { iterator, state, push: (value: number) => waiting.shift()?.({ done: false, value }) };
}

const farFuture = () => new Date(Date.now() + 3_600_000);
const expired = () => new UnauthenticatedError('over');

describe('boundSubscription', () => {
  it('delivers events while the credentials hold', async () => {
    const s = source();
    const bounded = boundSubscription(s.iterator, { deadline: farFuture(), expired, recheck: async () => undefined });
    const next = bounded.next();
    s.push(7);
    expect(await next).toEqual({ done: false, value: 7 });
    await bounded.return?.();
    expect(s.state.ended).toBe(true);
  });

  it('ends with the recheck error instead of delivering once the credentials no longer hold', async () => {
    const s = source();
    const revoked = new UnauthenticatedError('revoked');
    const bounded = boundSubscription(s.iterator, {
      deadline: farFuture(),
      expired,
      recheck: async () => {
        throw revoked;
      },
    });
    const next = bounded.next();
    s.push(7);
    await expect(next).rejects.toBe(revoked);
    expect(s.state.ended).toBe(true);
  });

  it('ends at the deadline even when no event comes', async () => {
    const s = source();
    const bounded = boundSubscription(s.iterator, { deadline: new Date(), expired, recheck: async () => undefined });
    await expect(bounded.next()).rejects.toThrow('over');
    expect(s.state.ended).toBe(true);
  });

  it('ends the source at once when the client stops waiting', async () => {
    const s = source();
    const bounded = boundSubscription(s.iterator, { deadline: farFuture(), expired, recheck: async () => undefined });
    const pending = bounded.next();
    await bounded.return?.();
    expect(s.state.ended).toBe(true);
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});
