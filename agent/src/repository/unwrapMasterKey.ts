import { createDecipheriv } from 'node:crypto';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { keyLength } from './RepositoryKeys.ts';
import { checkKeyLength, keyFileLayout, keyFileLength, keyFileMagic, keyFileVersion } from './wrapMasterKey.ts';
import { WrongKeyError } from './WrongKeyError.ts';

/**
 * The master key in a key file made by `wrapMasterKey`. A file of the wrong length, magic or version throws
 * `CorruptObjectError`; one that does not authenticate under `keyEncryptionKey` throws `WrongKeyError`, so a
 * wrong key never yields a master key (and never garbage data later).
 */
export function unwrapMasterKey(keyFile: Uint8Array, keyEncryptionKey: Buffer, what = 'the repository key file'): Buffer {
  checkKeyLength('key-encryption key', keyEncryptionKey);
  const bytes = Buffer.from(keyFile.buffer, keyFile.byteOffset, keyFile.byteLength);
  if (bytes.length !== keyFileLength) {
    throw new CorruptObjectError(what, `it is ${bytes.length} bytes long; a key file is ${keyFileLength}`);
  }
  if (!bytes.subarray(0, keyFileMagic.length).equals(keyFileMagic)) {
    throw new CorruptObjectError(what, 'it does not start as a Fleetback repository key file');
  }
  const version = bytes[keyFileMagic.length]!;
  if (version !== keyFileVersion) {
    throw new CorruptObjectError(what, `its layout version is ${version}; this agent reads ${keyFileVersion}`);
  }
  const { nonceLength, tagLength } = keyFileLayout;
  const headerLength = keyFileMagic.length + 1;
  const nonce = bytes.subarray(headerLength, headerLength + nonceLength);
  const decipher = createDecipheriv('aes-256-gcm', keyEncryptionKey, nonce, { authTagLength: tagLength });
  decipher.setAAD(bytes.subarray(0, headerLength));
  decipher.setAuthTag(bytes.subarray(bytes.length - tagLength));
  try {
    const wrapped = bytes.subarray(headerLength + nonceLength, headerLength + nonceLength + keyLength);
    return Buffer.concat([decipher.update(wrapped), decipher.final()]);
  } catch (error) {
    throw new WrongKeyError(what, { cause: error });
  }
}
