import { RepositoryError } from './RepositoryError.ts';

/**
 * The key-encryption key does not open the repository's key file. AES-GCM cannot tell a wrong key from an
 * altered key file, so the message names both; nothing is ever decrypted with an unverified key.
 */
export class WrongKeyError extends RepositoryError {
  override readonly name = 'WrongKeyError';
  readonly code = 'WRONG_KEY';

  constructor(what: string, options?: ErrorOptions) {
    super(
      `the key given does not open ${what}: supply the key-encryption key the repository was initialised ` +
        `(or last rewrapped) with; if the key is right, the key file was altered`,
      options,
    );
  }
}
