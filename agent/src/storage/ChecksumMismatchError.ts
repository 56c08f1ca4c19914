/**
 * The bytes read from an object do not hash to the SHA-256 recorded when it was written: the object was
 * changed behind the store's back, or corrupted at rest or on the way. Raised at the end of the read stream.
 */
export class ChecksumMismatchError extends Error {
  override readonly name = 'ChecksumMismatchError';

  constructor(
    /** The key as the caller gave it, relative to the location. */
    readonly key: string,
    /** Hex SHA-256 recorded at write time. */
    readonly expected: string,
    /** Hex SHA-256 of what was read. */
    readonly actual: string,
    where: string,
  ) {
    super(
      `object '${key}' in ${where} is corrupt: its content hashes to SHA-256 ${actual}, ` +
        `but ${expected} was recorded when it was written`,
    );
  }
}
