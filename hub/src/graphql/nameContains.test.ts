import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../errors/errors.ts';
import { nameContains } from './nameContains.ts';

describe('nameContains', () => {
  it('escapes LIKE wildcards so they match themselves', () => {
    expect(nameContains('f', 'a%b_c\\')).toEqual({ $like: '%a\\%b\\_c\\\\%' });
  });

  it('refuses text longer than any name', () => {
    expect(() => nameContains('filter.nameContains', 'x'.repeat(254))).toThrow(BadUserInputError);
  });
});
