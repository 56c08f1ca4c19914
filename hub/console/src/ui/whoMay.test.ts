import { describe, expect, it } from 'vitest';
import { whoMay } from './whoMay.ts';

describe('whoMay', () => {
  it('names everyone whose role reaches the one asked for', () => {
    expect([whoMay.viewer, whoMay.operator, whoMay.admin]).toEqual([
      'Everyone in the tenant',
      'Operators and admins of the tenant',
      'Admins of the tenant',
    ]);
  });
});
