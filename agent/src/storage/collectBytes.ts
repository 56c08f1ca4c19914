/** Every byte a stream yields, in one buffer: for ranged reads, which callers bound to a few MiB. */
export async function collectBytes(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
  return Buffer.concat(pieces);
}
