import { createCipheriv, randomBytes } from 'node:crypto';
import { objectKinds, type ObjectKind } from './ObjectKind.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';

/** `FBRO`: every sealed repository object starts with it. */
export const objectMagic = Buffer.from('FBRO', 'latin1');
/** The sealed-object layout version written; readers refuse others. */
export const objectVersion = 1;
export const nonceLength = 12;
export const tagLength = 16;
/** magic (4), version (1), kind (1): authenticated as additional data, so none of it can be changed. */
export const objectHeaderLength = objectMagic.length + 2;

/**
 * Encrypts and authenticates one repository object: AES-256-GCM under the key of its kind, with a fresh
 * random 96-bit nonce per object. Layout: header (magic, version, kind) ‖ nonce ‖ ciphertext ‖ tag.
 * Random nonces bound one key to about 2^32 objects of a kind before the collision risk matters; at the
 * intended pack size that is far beyond a repository's life.
 */
export function sealObject(keys: RepositoryKeys, kind: ObjectKind, plaintext: Uint8Array): Buffer {
  const header = Buffer.concat([objectMagic, Buffer.of(objectVersion, objectKinds[kind])]);
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv('aes-256-gcm', keys.objectKey(kind), nonce, { authTagLength: tagLength });
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, nonce, body, cipher.getAuthTag()]);
}
