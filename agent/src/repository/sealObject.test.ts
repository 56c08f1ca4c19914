import { describe, expect, it } from 'vitest';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { openObject } from './openObject.ts';
import { RepositoryKeys } from './RepositoryKeys.ts';
import { objectHeaderLength, sealObject } from './sealObject.ts';

describe('sealObject and openObject', () => {
  const keys = new RepositoryKeys(RepositoryKeys.createMasterKey());
  const plaintext = Buffer.from('a pack of chunks, in plain text');

  it('round-trips an object and hides its content', () => {
    const sealed = sealObject(keys, 'pack', plaintext);
    expect(sealed.includes(plaintext)).toBe(false);
    expect(openObject(keys, 'pack', sealed, 'packs/ab').equals(plaintext)).toBe(true);
  });

  it('uses a fresh nonce per object: the same plaintext seals differently each time', () => {
    expect(sealObject(keys, 'pack', plaintext).equals(sealObject(keys, 'pack', plaintext))).toBe(false);
  });

  it('refuses an object with any single byte flipped, header, nonce, body or tag', () => {
    const sealed = sealObject(keys, 'index', plaintext);
    for (let at = 0; at < sealed.length; at++) {
      const tampered = Buffer.from(sealed);
      tampered[at]! ^= 0x01;
      expect(() => openObject(keys, 'index', tampered, 'indexes/cd')).toThrow(CorruptObjectError);
    }
  });

  it('refuses a truncated object, saying so', () => {
    const sealed = sealObject(keys, 'pack', plaintext);
    expect(() => openObject(keys, 'pack', sealed.subarray(0, sealed.length - 1), 'packs/ab')).toThrow(
      /packs\/ab is corrupt: it fails authentication/,
    );
    expect(() => openObject(keys, 'pack', sealed.subarray(0, 10), 'packs/ab')).toThrow(/shorter than any sealed object/);
  });

  it('refuses an object of another kind', () => {
    const sealed = sealObject(keys, 'snapshot', plaintext);
    expect(() => openObject(keys, 'pack', sealed, 'packs/ab')).toThrow(/a snapshot object, not a pack/);
  });

  it('refuses an object sealed under another repository key', () => {
    const other = new RepositoryKeys(RepositoryKeys.createMasterKey());
    expect(() => openObject(other, 'pack', sealObject(keys, 'pack', plaintext), 'packs/ab')).toThrow(CorruptObjectError);
  });

  it('refuses bytes that are not a repository object', () => {
    expect(() => openObject(keys, 'pack', Buffer.alloc(100), 'packs/ab')).toThrow(/does not start as/);
  });

  it('refuses a layout version it does not read even if the rest is intact', () => {
    const sealed = sealObject(keys, 'pack', plaintext);
    sealed[objectHeaderLength - 2] = 9;
    expect(() => openObject(keys, 'pack', sealed, 'packs/ab')).toThrow(/layout version is 9/);
  });
});
