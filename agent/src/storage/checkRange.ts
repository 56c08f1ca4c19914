/** Throws `RangeError` unless `offset` and `length` describe a non-empty byte range `getRange` can ask for. */
export function checkRange(key: string, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 1) {
    throw new RangeError(`a range of '${key}' needs a whole offset >= 0 and length >= 1, got ${offset} and ${length}`);
  }
}
