import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './SecretBox.ts';
import { SecretUnreadableError } from './SecretUnreadableError.ts';

const box = new SecretBox(randomBytes(32));

/** Flips one bit of the given part of a sealed value (1 iv, 2 tag, 3 ciphertext). */
function flipBit(sealed: string, part: 1 | 2 | 3): string {
  const parts = sealed.split(':');
  const bytes = Buffer.from(parts[part] as string, 'base64url');
  bytes[0] = (bytes[0] as number) ^ 1;
  parts[part] = bytes.toString('base64url');
  return parts.join(':');
}

describe('SecretBox', () => {
  it('round-trips strings and objects', () => {
    const secret = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG', nested: { n: 1 } };
    expect(box.open(box.seal(secret, 'row-1'), 'row-1')).toEqual(secret);
    expect(box.open(box.seal('plain words', 'row-1'), 'row-1')).toBe('plain words');
  });

  it('writes versioned values with a fresh IV and no plaintext', () => {
    const a = box.seal('hunter2-secret', 'row-1');
    const b = box.seal('hunter2-secret', 'row-1');
    expect(a).toMatch(/^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('hunter2');
    expect(Buffer.from(a.split(':')[3] as string, 'base64url').toString('latin1')).not.toContain('hunter2');
  });

  it('detects tampering with the IV, the tag or the ciphertext', () => {
    const sealed = box.seal({ key: 'value' }, 'row-1');
    for (const part of [1, 2, 3] as const) {
      expect(() => box.open(flipBit(sealed, part), 'row-1')).toThrow(SecretUnreadableError);
    }
  });

  it('refuses a value moved to another record', () => {
    const sealed = box.seal({ key: 'value' }, 'row-1');
    expect(() => box.open(sealed, 'row-2')).toThrow(SecretUnreadableError);
  });

  it('refuses a value sealed under another key', () => {
    const sealed = new SecretBox(randomBytes(32)).seal('x', 'row-1');
    expect(() => box.open(sealed, 'row-1')).toThrow(SecretUnreadableError);
  });

  it('refuses malformed and unknown-version values without echoing them', () => {
    const sealed = box.seal('x', 'row-1');
    for (const bad of ['', 'garbage', `v2${sealed.slice(2)}`, sealed.split(':').slice(0, 3).join(':')]) {
      expect(() => box.open(bad, 'row-1')).toThrow(SecretUnreadableError);
    }
    const attempt = () => box.open('v1:AAAA:BBBB:c2VjcmV0LXN0dWZm', 'row-1');
    expect(attempt).toThrow(SecretUnreadableError);
    expect(attempt).not.toThrow(/c2VjcmV0/);
  });

  it('requires a 32-byte key and a record id', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow();
    expect(() => box.seal('x', '')).toThrow();
  });
});
