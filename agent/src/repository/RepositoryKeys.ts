import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { BadSettingError } from './BadSettingError.ts';
import { objectKinds, type ObjectKind } from './ObjectKind.ts';

/** Length in bytes of the master key, of every derived key and of a key-encryption key: AES-256, HMAC-SHA-256. */
export const keyLength = 32;

/**
 * The keys of one repository, all derived with HKDF-SHA-256 (empty salt; the master key is uniformly random)
 * from its master key, with info `fleetback repository v1 <purpose>`: `chunk-id` for the HMAC key that names
 * chunks, `object <kind>` for the AES-256-GCM key of each object kind. Deriving rather than storing them
 * means the key file holds one secret, and a purpose never shares a key with another.
 */
export class RepositoryKeys {
  private readonly chunkIdKey: Buffer;
  private readonly objectKeys: ReadonlyMap<ObjectKind, Buffer>;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== keyLength) {
      throw new BadSettingError(`a repository master key is ${keyLength} bytes, got ${masterKey.length}`);
    }
    this.chunkIdKey = derive(masterKey, 'chunk-id');
    this.objectKeys = new Map(
      (Object.keys(objectKinds) as ObjectKind[]).map((kind) => [kind, derive(masterKey, `object ${kind}`)]),
    );
  }

  /** A new random master key, made once when a repository is initialised. */
  static createMasterKey(): Buffer {
    return randomBytes(keyLength);
  }

  /**
   * A chunk's id: HMAC-SHA-256 of its plain bytes under the repository's chunk-id key. Equal data in one
   * repository gets one id (so it is stored once); without the key, an id tells nothing about the content.
   */
  chunkId(chunk: Uint8Array): Buffer {
    return createHmac('sha256', this.chunkIdKey).update(chunk).digest();
  }

  /** The AES-256-GCM key objects of `kind` are sealed under. */
  objectKey(kind: ObjectKind): Buffer {
    return this.objectKeys.get(kind)!;
  }
}

function derive(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `fleetback repository v1 ${purpose}`, keyLength));
}
