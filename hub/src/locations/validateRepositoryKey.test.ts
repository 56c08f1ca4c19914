import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../errors/errors.ts';
import { validateRepositoryKey } from './validateRepositoryKey.ts';

describe('validateRepositoryKey', () => {
  it('accepts base64 of 32 bytes', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(validateRepositoryKey('input.repositoryKey', ` ${key}\n`)).toBe(key);
  });

  it.each([
    ['16 bytes', Buffer.alloc(16, 1).toString('base64')],
    ['33 bytes', Buffer.alloc(33, 1).toString('base64')],
    ['not base64', 'not a key at all, clearly!!'],
    ['base64url', Buffer.alloc(32, 0xfb).toString('base64url')],
  ])('refuses %s as BAD_USER_INPUT without quoting it', (_label, value) => {
    let caught: unknown;
    try {
      validateRepositoryKey('input.repositoryKey', value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BadUserInputError);
    expect((caught as BadUserInputError).field).toBe('input.repositoryKey');
    expect((caught as Error).message).not.toContain(value);
  });
});
