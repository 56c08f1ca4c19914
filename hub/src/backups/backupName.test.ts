import { expect, it } from 'vitest';
import { BadUserInputError } from '../errors/errors.ts';
import { backupName } from './backupName.ts';

const now = new Date('2026-11-23T14:30:05.123Z');

it('uses the given name, or the prefix and a UTC timestamp', () => {
  expect(backupName('before-upgrade', 'x', now)).toBe('before-upgrade');
  expect(backupName(null, 'nightly', now)).toBe('nightly-20261123-143005-123');
  expect(backupName(undefined, null, now)).toBe('backup-20261123-143005-123');
  expect(backupName(null, 'a'.repeat(43), now)).toHaveLength(63);
});

it('names the bad field', () => {
  expect(() => backupName('Bad_Name', null, now)).toThrow(BadUserInputError);
  expect(() => backupName(null, 'a'.repeat(44), now)).toThrow(/input.namePrefix/);
});
