import { createDecipheriv } from 'node:crypto';
import { CorruptObjectError } from './CorruptObjectError.ts';
import { objectKindOf, type ObjectKind } from './ObjectKind.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { nonceLength, objectHeaderLength, objectMagic, objectVersion, tagLength } from './sealObject.ts';

/**
 * Checks and decrypts an object written by `sealObject`. Returns its plaintext only if it authenticates;
 * a truncated, altered or foreign object throws `CorruptObjectError` naming `what` (e.g. its key). The keys
 * come from a master key that was itself authenticated when unwrapped, so a failure here is damage, not a
 * wrong key.
 */
export function openObject(keys: RepositoryKeys, kind: ObjectKind, sealed: Uint8Array, what: string): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const smallest = objectHeaderLength + nonceLength + tagLength;
  if (bytes.length < smallest) {
    throw new CorruptObjectError(what, `it is ${bytes.length} bytes long, shorter than any sealed object (${smallest})`);
  }
  if (!bytes.subarray(0, objectMagic.length).equals(objectMagic)) {
    throw new CorruptObjectError(what, 'it does not start as a Fleetback repository object');
  }
  const version = bytes[objectMagic.length]!;
  if (version !== objectVersion) {
    throw new CorruptObjectError(what, `its layout version is ${version}; this agent reads ${objectVersion}`);
  }
  const found = objectKindOf(bytes[objectMagic.length + 1]!);
  if (found !== kind) {
    throw new CorruptObjectError(what, `it is marked as ${found ? `a ${found}` : 'an unknown kind of'} object, not a ${kind}`);
  }
  const nonce = bytes.subarray(objectHeaderLength, objectHeaderLength + nonceLength);
  const decipher = createDecipheriv('aes-256-gcm', keys.objectKey(kind), nonce, { authTagLength: tagLength });
  decipher.setAAD(bytes.subarray(0, objectHeaderLength));
  decipher.setAuthTag(bytes.subarray(bytes.length - tagLength));
  const body = bytes.subarray(objectHeaderLength + nonceLength, bytes.length - tagLength);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch (error) {
    throw new CorruptObjectError(what, 'it fails authentication: it was truncated or altered', { cause: error });
  }
}
