import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../errors/errors.ts';
import { labelFilter } from './labelFilter.ts';

describe('labelFilter', () => {
  it('keeps valid labels', () => {
    expect(labelFilter('filter.labels', [{ key: 'app.kubernetes.io/name', value: 'web' }])).toEqual({
      'app.kubernetes.io/name': 'web',
    });
  });

  it.each(['__proto__', 'constructor ', 'a\u0000b', ''])('refuses the key %j instead of dropping the filter', (key) => {
    expect(() => labelFilter('filter.labels', [{ key, value: 'x' }])).toThrow(BadUserInputError);
  });

  it('refuses 10,000 labels', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(() => labelFilter('filter.labels', many)).toThrow(/at most 32 labels/);
  });

  it('refuses a key given twice with different values', () => {
    expect(() =>
      labelFilter('filter.labels', [
        { key: 'tier', value: 'a' },
        { key: 'tier', value: 'b' },
      ]),
    ).toThrow(BadUserInputError);
  });
});
