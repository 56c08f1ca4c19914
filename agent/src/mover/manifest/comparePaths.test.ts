import { describe, expect, it } from 'vitest';
import { comparePaths } from './comparePaths.ts';

describe('comparePaths', () => {
  it('orders paths as a depth-first walk of bytewise-sorted names visits them', () => {
    const walkOrder = ['', 'a', 'a/b', 'a/b/c', 'a/z', 'a-c', 'ab', 'b', '\u00e9'].map((p) => Buffer.from(p, 'utf8'));
    const shuffled = [...walkOrder].reverse();
    expect(shuffled.sort(comparePaths).map(String)).toEqual(walkOrder.map(String));
    expect(comparePaths(Buffer.from('a/b'), Buffer.from('a/b'))).toBe(0);
  });
});
