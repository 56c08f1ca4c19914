import { describe, expect, it } from 'vitest';
import { KeyPrefix } from './KeyPrefix.ts';

describe('KeyPrefix', () => {
  it('maps keys under the prefix and back, whatever slashes the prefix came with', () => {
    for (const prefix of ['prod/eu', '/prod/eu/', 'prod/eu/']) {
      const keys = new KeyPrefix(prefix);
      expect(keys.full('backups/b1/backup.json')).toBe('prod/eu/backups/b1/backup.json');
      expect(keys.relative('prod/eu/backups/b1/backup.json')).toBe('backups/b1/backup.json');
      expect(keys.path).toBe('prod/eu');
    }
    const root = new KeyPrefix('');
    expect(root.full('a/b')).toBe('a/b');
    expect(root.path).toBe('');
  });

  it('lists by string prefix, so a location never sees a sibling prefix', () => {
    const keys = new KeyPrefix('prod');
    expect(keys.fullListPrefix('')).toBe('prod/');
    expect(keys.fullListPrefix('backups/b1')).toBe('prod/backups/b1');
    expect(() => keys.relative('prod-old/x')).toThrow(RangeError);
  });

  it.each(['', '/abs', '../up', 'a/../../up', 'a//b', 'a/./b', 'dir/', 'nul\u0000byte'])('refuses the key %j', (key) => {
    expect(() => new KeyPrefix('prod').full(key)).toThrow(RangeError);
  });

  it('refuses list prefixes and location prefixes with dot segments', () => {
    expect(() => new KeyPrefix('prod').fullListPrefix('../x')).toThrow(RangeError);
    expect(() => new KeyPrefix('prod/../other')).toThrow(RangeError);
  });
});
