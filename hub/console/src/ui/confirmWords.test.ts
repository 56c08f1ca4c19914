import { describe, expect, it } from 'vitest';
import { confirmWords } from './confirmWords.ts';

describe('confirmWords', () => {
  it('names the button and the refusal after the verb and the noun', () => {
    expect(confirmWords('revoke', 'token')).toEqual({ confirm: 'Revoke token', failed: 'The hub did not revoke the token' });
  });
});
