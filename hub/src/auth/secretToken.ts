import { createHash, randomBytes } from 'node:crypto';

/** Prefixes tell a token's kind at a glance and let secret scanners recognise leaked tokens. */
export type SecretPrefix = 'fbk_admin' | 'fbk_api' | 'fbk_enroll' | 'fbk_agent';

export interface NewSecret {
  /** The secret itself: shown once, never stored. */
  token: string;
  /** What is stored and looked up. */
  hash: string;
  /** A display hint: the prefix and the first characters. */
  hint: string;
}

/** A new random secret of 256 bits. */
export function newSecret(prefix: SecretPrefix): NewSecret {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSecret(token), hint: `${token.slice(0, prefix.length + 7)}…` };
}

/** SHA-256 is enough for 256-bit random secrets: there is nothing to brute-force. */
export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
