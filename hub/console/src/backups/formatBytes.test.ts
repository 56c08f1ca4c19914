import { expect, it } from 'vitest';
import { formatBytes } from './formatBytes.ts';

it.each([
  [0, '0 B'],
  [812, '812 B'],
  [1023, '1023 B'],
  [1024, '1 KiB'],
  [1536, '1.5 KiB'],
  [10 * 1024 - 1, '10 KiB'],
  [37.4 * 1024 ** 2, '37 MiB'],
  [1024 ** 2 - 1, '1 MiB'],
  [2 * 1024 ** 3, '2 GiB'],
  [5.25 * 1024 ** 4, '5.3 TiB'],
  [3 * 1024 ** 6, '3072 PiB'],
  [-1, '—'],
  [Number.NaN, '—'],
])('%d bytes read %s', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});
