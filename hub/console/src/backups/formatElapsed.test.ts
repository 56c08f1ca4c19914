import { expect, it } from 'vitest';
import { formatElapsed } from './formatElapsed.ts';

it.each([
  [0, 'under 1 s'],
  [999, 'under 1 s'],
  [1_000, '1 s'],
  [59_999, '59 s'],
  [60_000, '1 min'],
  [90 * 60_000, '1 h 30 min'],
])('%i ms reads %s', (ms, text) => {
  expect(formatElapsed(ms)).toBe(text);
});
