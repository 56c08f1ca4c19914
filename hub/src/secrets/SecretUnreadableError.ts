import { ErrorCode } from '../errors/ErrorCode.ts';
import { FleetbackError } from '../errors/errors.ts';

/**
 * A sealed secret failed to open: it was altered, moved to another record, or sealed under another master
 * key. A fault of the hub's state, not of the caller; the message names no part of the secret.
 */
export class SecretUnreadableError extends FleetbackError {
  override readonly name = 'SecretUnreadableError';
  readonly code = ErrorCode.INTERNAL;

  constructor(cause?: unknown) {
    super(
      'a stored secret could not be decrypted; check that the hub runs with the master key it was saved under',
      {
        cause,
      },
    );
  }
}
