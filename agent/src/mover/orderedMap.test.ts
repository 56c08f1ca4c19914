import { describe, expect, it } from 'vitest';
import { orderedMap } from './orderedMap.ts';

async function* numbers(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) yield i;
}

describe('orderedMap', () => {
  it('yields in source order while later items finish first, with at most `window` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results: number[] = [];
    const slowFirst = async (i: number) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, i % 3 === 0 ? 20 : 1));
      inFlight--;
      return i * 10;
    };
    for await (const result of orderedMap(numbers(20), 4, slowFirst)) results.push(result);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 10));
    expect(most).toBeLessThanOrEqual(4);
  });
});
