/** `ObjectStore.get` found no object under the key. */
export class ObjectNotFoundError extends Error {
  override readonly name = 'ObjectNotFoundError';

  constructor(
    /** The key as the caller gave it, relative to the location. */
    readonly key: string,
    where: string,
    options?: { cause?: unknown },
  ) {
    super(`there is no object '${key}' in ${where}`, options);
  }
}
