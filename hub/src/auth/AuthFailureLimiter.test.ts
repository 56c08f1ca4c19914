import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../errors/errors.ts';
import { AuthFailureLimiter } from './AuthFailureLimiter.ts';

describe('AuthFailureLimiter', () => {
  const limits = { maxFailures: 3, windowMs: 60_000, maxSources: 2 };

  it('refuses a source once it failed the maximum within the window, and forgives it after', () => {
    let now = 0;
    const limiter = new AuthFailureLimiter(limits, () => now);
    for (let i = 0; i < 3; i++) {
      limiter.check('10.0.0.1');
      limiter.fail('10.0.0.1');
    }
    expect(() => limiter.check('10.0.0.1')).toThrow(TooManyRequestsError);
    expect(() => limiter.check('10.0.0.2')).not.toThrow();
    now = 60_000;
    expect(() => limiter.check('10.0.0.1')).not.toThrow();
  });

  it('remembers at most maxSources sources', () => {
    const limiter = new AuthFailureLimiter(limits, () => 0);
    for (let i = 0; i < 3; i++) limiter.fail('a');
    limiter.fail('b');
    limiter.fail('c');
    expect(() => limiter.check('a')).not.toThrow();
  });

  it('never refuses when the limit is 0', () => {
    const limiter = new AuthFailureLimiter({ ...limits, maxFailures: 0 }, () => 0);
    for (let i = 0; i < 10; i++) limiter.fail('a');
    expect(() => limiter.check('a')).not.toThrow();
  });
});
