import { expect, it } from 'vitest';
import { formatRelative } from './formatRelative.ts';

const now = Date.parse('2026-03-01T12:00:00Z');

it.each([
  ['2026-03-01T09:00:00Z', '3 h ago'],
  ['2026-03-01T12:00:00Z', 'less than a minute ago'],
  ['2026-03-31T12:00:00Z', 'in 30 d'],
  ['2026-03-01T12:00:30Z', 'in less than a minute'],
])('%s reads %s', (at, text) => {
  expect(formatRelative(at, now)).toBe(text);
});
