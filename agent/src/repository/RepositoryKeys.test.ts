import { describe, expect, it } from 'vitest';
import { BadSettingError } from './BadSettingError.ts';
import { RepositoryKeys } from './RepositoryKeys.ts';

describe('RepositoryKeys', () => {
  const master = RepositoryKeys.createMasterKey();
  const keys = new RepositoryKeys(master);

  it('names equal chunks alike and different chunks differently', () => {
    expect(keys.chunkId(Buffer.from('data')).equals(keys.chunkId(Buffer.from('data')))).toBe(true);
    expect(keys.chunkId(Buffer.from('data')).equals(keys.chunkId(Buffer.from('datb')))).toBe(false);
    expect(keys.chunkId(Buffer.from('data'))).toHaveLength(32);
  });

  it('keys chunk ids to the repository: another master key names the same chunk differently', () => {
    const other = new RepositoryKeys(RepositoryKeys.createMasterKey());
    expect(other.chunkId(Buffer.from('data')).equals(keys.chunkId(Buffer.from('data')))).toBe(false);
  });

  it('derives the same keys from the same master key, a different key per object kind', () => {
    const again = new RepositoryKeys(Buffer.from(master));
    expect(again.objectKey('pack').equals(keys.objectKey('pack'))).toBe(true);
    expect(keys.objectKey('pack').equals(keys.objectKey('index'))).toBe(false);
    expect(keys.objectKey('pack').equals(master)).toBe(false);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => new RepositoryKeys(Buffer.alloc(16))).toThrow(BadSettingError);
  });
});
