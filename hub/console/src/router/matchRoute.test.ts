import { describe, expect, it } from 'vitest';
import { matchRoute } from './matchRoute.ts';

describe('matchRoute', () => {
  it('matches literal paths, ignoring a trailing slash', () => {
    expect(matchRoute('/fleet', '/fleet')).toEqual({});
    expect(matchRoute('/fleet', '/fleet/')).toEqual({});
    expect(matchRoute('/', '/')).toEqual({});
    expect(matchRoute('/fleet', '/backups')).toBeUndefined();
  });

  it('captures and decodes parameters', () => {
    expect(matchRoute('/clusters/:id', '/clusters/c%2D42')).toEqual({ id: 'c-42' });
    expect(matchRoute('/backups/:id/log', '/backups/b1/log')).toEqual({ id: 'b1' });
  });

  it('needs the same number of segments', () => {
    expect(matchRoute('/clusters/:id', '/clusters')).toBeUndefined();
    expect(matchRoute('/clusters/:id', '/clusters/a/b')).toBeUndefined();
  });

  it('refuses a malformed escape instead of throwing', () => {
    expect(matchRoute('/clusters/:id', '/clusters/%E0%A4%A')).toBeUndefined();
  });
});
