import { createCipheriv, randomBytes } from 'node:crypto';
import { BadSettingError } from './BadSettingError.ts';
import { keyLength } from './RepositoryKeys.ts';

/** `FBRK`: a repository key file starts with it. */
export const keyFileMagic = Buffer.from('FBRK', 'latin1');
export const keyFileVersion = 1;
const nonceLength = 12;
const tagLength = 16;
/** magic (4) ‖ version (1) ‖ nonce (12) ‖ wrapped master key (32) ‖ tag (16). */
export const keyFileLength = keyFileMagic.length + 1 + nonceLength + keyLength + tagLength;

/**
 * The repository's key file: its master key encrypted and authenticated (AES-256-GCM, random nonce, the
 * magic and version as additional data) under a key-encryption key. Wrapping the same master key under a
 * new key-encryption key makes a new key file and leaves every object readable: nothing else is rewritten.
 */
export function wrapMasterKey(masterKey: Buffer, keyEncryptionKey: Buffer): Buffer {
  checkKeyLength('master key', masterKey);
  checkKeyLength('key-encryption key', keyEncryptionKey);
  const header = Buffer.concat([keyFileMagic, Buffer.of(keyFileVersion)]);
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv('aes-256-gcm', keyEncryptionKey, nonce, { authTagLength: tagLength });
  cipher.setAAD(header);
  const wrapped = Buffer.concat([cipher.update(masterKey), cipher.final()]);
  return Buffer.concat([header, nonce, wrapped, cipher.getAuthTag()]);
}

/** Throws `BadSettingError` unless `key` is an AES-256 key. */
export function checkKeyLength(name: string, key: Buffer): void {
  if (key.length !== keyLength) {
    throw new BadSettingError(`a ${name} is ${keyLength} bytes (AES-256), got ${key.length}`);
  }
}

export const keyFileLayout = { nonceLength, tagLength } as const;
