import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BadSettingError } from './BadSettingError.ts';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { openObject } from './openObject.ts';
import { RepositoryKeys } from './RepositoryKeys.ts';
import { sealObject } from './sealObject.ts';
import { unwrapMasterKey } from './unwrapMasterKey.ts';
import { wrapMasterKey } from './wrapMasterKey.ts';
import { WrongKeyError } from './WrongKeyError.ts';

describe('wrapMasterKey and unwrapMasterKey', () => {
  const master = RepositoryKeys.createMasterKey();
  const kek = randomBytes(32);

  it('round-trips the master key and does not store it in the clear', () => {
    const keyFile = wrapMasterKey(master, kek);
    expect(keyFile.includes(master)).toBe(false);
    expect(unwrapMasterKey(keyFile, kek).equals(master)).toBe(true);
  });

  it('refuses a wrong key-encryption key with WrongKeyError and a clear message', () => {
    const keyFile = wrapMasterKey(master, kek);
    const attempt = () => unwrapMasterKey(keyFile, randomBytes(32));
    expect(attempt).toThrow(WrongKeyError);
    expect(attempt).toThrow(/the key given does not open the repository key file/);
  });

  it('rewraps under a new key-encryption key, and objects sealed before stay readable', () => {
    const sealed = sealObject(new RepositoryKeys(master), 'snapshot', Buffer.from('tree'));
    const newKek = randomBytes(32);
    const rewrapped = wrapMasterKey(unwrapMasterKey(wrapMasterKey(master, kek), kek), newKek);
    const keys = new RepositoryKeys(unwrapMasterKey(rewrapped, newKek));
    expect(openObject(keys, 'snapshot', sealed, 'snapshots/1').toString()).toBe('tree');
    expect(() => unwrapMasterKey(rewrapped, kek)).toThrow(WrongKeyError);
  });

  it('refuses a truncated or foreign key file as corrupt, not as a wrong key', () => {
    const keyFile = wrapMasterKey(master, kek);
    expect(() => unwrapMasterKey(keyFile.subarray(0, 40), kek)).toThrow(CorruptObjectError);
    expect(() => unwrapMasterKey(Buffer.alloc(keyFile.length), kek)).toThrow(/does not start as/);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => wrapMasterKey(master, randomBytes(16))).toThrow(BadSettingError);
    expect(() => unwrapMasterKey(wrapMasterKey(master, kek), randomBytes(31))).toThrow(/key-encryption key is 32 bytes/);
  });
});
