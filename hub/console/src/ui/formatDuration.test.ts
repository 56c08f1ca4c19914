import { expect, it } from 'vitest';
import { formatDuration } from './formatDuration.ts';

it.each([
  [0, 'less than a minute'],
  [-5_000, 'less than a minute'],
  [59_999, 'less than a minute'],
  [60_000, '1 min'],
  [59 * 60_000, '59 min'],
  [60 * 60_000, '1 h'],
  [90 * 60_000, '1 h 30 min'],
  [10.5 * 3_600_000, '10 h'],
  [47 * 3_600_000, '47 h'],
  [51 * 3_600_000, '2 d 3 h'],
  [14 * 86_400_000 + 5 * 3_600_000, '14 d'],
])('%i ms reads %s', (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});
