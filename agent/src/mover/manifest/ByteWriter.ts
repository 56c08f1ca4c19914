/** A growable buffer of manifest records: LEB128 varints, zigzag for signed values, raw bytes. */
export class ByteWriter {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private length = 0;

  get size(): number {
    return this.length;
  }

  /** The bytes written since the last `take`, copied out; the writer starts empty again. */
  take(): Buffer {
    const bytes = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return bytes;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** A non-negative safe integer. */
  uint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${value} is not a non-negative safe integer`);
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  /** A non-negative integer of any size (inode numbers). */
  biguint(value: bigint): void {
    if (value < 0n) throw new RangeError(`${value} is negative`);
    let rest = value;
    while (rest >= 0x80n) {
      this.byte(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.byte(Number(rest));
  }

  /** A signed integer of any size (times in nanoseconds), zigzag-encoded so small magnitudes stay short. */
  bigint(value: bigint): void {
    this.biguint(value >= 0n ? value << 1n : (-value << 1n) - 1n);
  }

  bytes(value: Uint8Array): void {
    this.reserve(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
  }

  /** A length, then the bytes. */
  lengthPrefixed(value: Uint8Array): void {
    this.uint(value.length);
    this.bytes(value);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
