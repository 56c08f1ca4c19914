import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretUnreadableError } from './SecretUnreadableError.ts';

const version = 'v1';
const algorithm = 'aes-256-gcm';
const ivBytes = 12;
const tagBytes = 16;

/**
 * Encrypts secrets at rest with AES-256-GCM under the hub's master key.
 *
 * A sealed value is `v1:<iv>:<tag>:<ciphertext>` (base64url), with a fresh random IV each time. It is bound
 * to the id of the record that holds it (GCM additional data), so a ciphertext copied into another row fails
 * to open instead of lending its secret to that row. The version prefix leaves room for a new algorithm or a
 * rotated key without guessing what an old value is.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('the master key must be 32 bytes');
    // A private copy: the caller's buffer may be reused or zeroed later.
    this.#key = Buffer.from(key);
  }

  /** Seals `value` (a string or a JSON-serializable object) for the record `boundTo`. */
  seal(value: object | string, boundTo: string): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv(algorithm, this.#key, iv, { authTagLength: tagBytes });
    cipher.setAAD(additionalData(boundTo));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [version, iv, cipher.getAuthTag(), ciphertext].map(encode).join(':');
  }

  /**
   * Opens a value sealed for `boundTo` and returns what was sealed (a string or a parsed object). Throws
   * SecretUnreadableError when the value is malformed, altered, bound to another record or sealed under
   * another key.
   */
  open(sealed: string, boundTo: string): unknown {
    const parts = sealed.split(':');
    const [prefix, iv, tag, ciphertext] = parts;
    if (parts.length !== 4 || prefix !== version || iv === undefined || tag === undefined || !ciphertext) {
      throw new SecretUnreadableError();
    }
    try {
      const decipher = createDecipheriv(algorithm, this.#key, decode(iv), { authTagLength: tagBytes });
      decipher.setAAD(additionalData(boundTo));
      decipher.setAuthTag(decode(tag));
      const plaintext = Buffer.concat([decipher.update(decode(ciphertext)), decipher.final()]);
      return JSON.parse(plaintext.toString('utf8'));
    } catch (error) {
      throw new SecretUnreadableError(error);
    }
  }
}

function additionalData(boundTo: string): Buffer {
  if (!boundTo) throw new Error('a sealed secret must be bound to a record id');
  return Buffer.from(`fleetback/${version}/${boundTo}`, 'utf8');
}

function encode(part: string | Buffer): string {
  return typeof part === 'string' ? part : part.toString('base64url');
}

function decode(part: string): Buffer {
  return Buffer.from(part, 'base64url');
}
