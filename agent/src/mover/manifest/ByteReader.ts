/** Thrown by {@link ByteReader} when a record runs past the bytes at hand: more must be read first. */
export class NeedMoreBytes extends Error {
  override readonly name = 'NeedMoreBytes';
}

/** Reads what {@link ByteWriter} wrote, from one buffer; throws `NeedMoreBytes` at its end. */
export class ByteReader {
  position = 0;

  constructor(readonly buffer: Buffer) {}

  get remaining(): number {
    return this.buffer.length - this.position;
  }

  byte(): number {
    if (this.position >= this.buffer.length) throw new NeedMoreBytes();
    return this.buffer[this.position++] as number;
  }

  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 0x80;
      if (scale > 2 ** 49) throw new RangeError('a number is longer than any safe integer');
    }
    return value;
  }

  biguint(): bigint {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      const byte = this.byte();
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
      shift += 7n;
      if (shift > 70n) throw new RangeError('a number is longer than 64 bits');
    }
  }

  bigint(): bigint {
    const zigzag = this.biguint();
    return zigzag & 1n ? -((zigzag + 1n) >> 1n) : zigzag >> 1n;
  }

  bytes(length: number): Buffer {
    if (length > this.remaining) throw new NeedMoreBytes();
    const value = this.buffer.subarray(this.position, this.position + length);
    this.position += length;
    return value;
  }

  lengthPrefixed(): Buffer {
    return this.bytes(this.uint());
  }
}
